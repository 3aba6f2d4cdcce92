// Holds every simulated shop's customers, orders and discount codes and applies merchant actions to them.
import { MetafieldBook } from "./metafield-book.js";
import { DiscountCodeBook } from "./discount-code-book.js";
import { formatCents, toCents } from "./money.js";
import { refundableQuantity } from "./order-totals.js";
import {
  SimulatorError,
  type CancelReason,
  type CreateCustomerInput,
  type CreateOrderInput,
  type CreateShopInput,
  type FulfillOrderInput,
  type RefundOrderInput,
  type ShipmentStatus,
  type SimCustomer,
  type SimFulfillment,
  type SimOrder,
  type SimRefund,
  type SimShop,
} from "./sim-types.js";

// Shopify ids are large integers; 13 digits keeps them realistic and within Number.MAX_SAFE_INTEGER.
const ID_BASES = {
  shop: 6_012_345_678_000,
  customer: 7_012_345_678_000,
  order: 5_551_234_567_000,
  lineItem: 1_350_123_456_000,
  fulfillment: 4_801_234_567_000,
  refund: 9_201_234_567_000,
  transaction: 8_101_234_567_000,
  product: 8_801_234_567_000,
  variant: 4_401_234_567_000,
  dataRequest: 9_901_234_567_000,
  discountCode: 1_401_234_567_000,
  redeemCode: 1_901_234_567_000,
  metafield: 2_601_234_567_000,
} as const;

type IdKind = keyof typeof ID_BASES;

export class SimStore {
  private readonly shops = new Map<string, SimShop>();
  private readonly customers = new Map<number, SimCustomer>();
  private readonly orders = new Map<number, SimOrder>();
  private readonly counters = new Map<IdKind, number>();
  private readonly orderNumbers = new Map<string, number>();
  private readonly variantsBySku = new Map<string, { productId: number; variantId: number }>();
  readonly discountCodes: DiscountCodeBook;
  readonly metafields: MetafieldBook;

  constructor(private readonly now: () => Date = () => new Date()) {
    this.discountCodes = new DiscountCodeBook((kind) => this.nextId(kind), now);
    this.metafields = new MetafieldBook(() => this.nextId("metafield"), now);
  }

  nextId(kind: IdKind): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return ID_BASES[kind] + n * 7;
  }

  createShop(input: CreateShopInput): SimShop {
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(input.domain)) {
      throw new SimulatorError(`shop domain must look like name.myshopify.com: ${input.domain}`);
    }
    if (this.shops.has(input.domain)) throw new SimulatorError(`shop exists: ${input.domain}`, 409);
    const at = this.now();
    const shop: SimShop = {
      id: this.nextId("shop"),
      domain: input.domain,
      name: input.name,
      email: input.email ?? `owner@${input.domain}`,
      currencyCode: input.currencyCode ?? "USD",
      ianaTimezone: input.ianaTimezone ?? "America/New_York",
      countryCode: input.countryCode ?? "US",
      restoreRate: input.restoreRate ?? 100,
      maximumAvailable: input.maximumAvailable ?? 2000,
      createdAt: at,
      updatedAt: at,
    };
    this.shops.set(shop.domain, shop);
    return shop;
  }

  shop(domain: string): SimShop {
    const shop = this.shops.get(domain);
    if (!shop) throw new SimulatorError(`unknown shop: ${domain}`, 404);
    return shop;
  }

  findShop(domain: string): SimShop | undefined {
    return this.shops.get(domain);
  }

  createCustomer(domain: string, input: CreateCustomerInput): SimCustomer {
    this.shop(domain);
    const at = this.now();
    const customer: SimCustomer = {
      id: this.nextId("customer"),
      shopDomain: domain,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone ?? null,
      locale: input.locale ?? "en",
      acceptsMarketing: input.acceptsMarketing ?? false,
      createdAt: at,
      updatedAt: at,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  customer(domain: string, id: number): SimCustomer {
    const customer = this.customers.get(id);
    if (!customer || customer.shopDomain !== domain)
      throw new SimulatorError(`unknown customer ${id} on ${domain}`, 404);
    return customer;
  }

  findCustomer(domain: string, id: number): SimCustomer | undefined {
    const customer = this.customers.get(id);
    return customer?.shopDomain === domain ? customer : undefined;
  }

  listCustomers(domain: string): SimCustomer[] {
    return [...this.customers.values()].filter((c) => c.shopDomain === domain);
  }

  createOrder(domain: string, input: CreateOrderInput): SimOrder {
    const shop = this.shop(domain);
    if (input.lineItems.length === 0) throw new SimulatorError("an order needs at least one line item");
    const customer = input.customerId == null ? null : this.customer(domain, input.customerId);
    const at = this.now();
    // A checkout refuses an unusable code before any order exists, so this runs before the order number is taken.
    const redemptions = this.discountCodes.prepareRedemptions(domain, input.discountCodes ?? [], {
      customerId: customer?.id ?? null,
      subtotalCents: input.lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0),
      at,
    });
    const number = (this.orderNumbers.get(domain) ?? 1000) + 1;
    this.orderNumbers.set(domain, number);
    const order: SimOrder = {
      id: this.nextId("order"),
      shopDomain: domain,
      orderNumber: number,
      customerId: customer?.id ?? null,
      email: input.email ?? customer?.email ?? null,
      lineItems: input.lineItems.map((li) => ({
        id: this.nextId("lineItem"),
        title: li.title,
        price: formatCents(toCents(li.price)),
        quantity: li.quantity,
        sku: li.sku ?? null,
        ...this.variantFor(li.sku ?? li.title),
      })),
      discountCodes: redemptions.map(({ line }) => ({ ...line, amount: formatCents(toCents(line.amount)) })),
      shippingPrice: formatCents(toCents(input.shippingPrice ?? "0.00")),
      taxRate: input.taxRate ?? 0,
      currency: shop.currencyCode,
      customerLocale: input.customerLocale ?? customer?.locale ?? "en",
      createdAt: at,
      updatedAt: at,
      processedAt: input.processedAt ?? at,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      financialStatus: "pending",
      fulfillments: [],
      refunds: [],
      test: input.test ?? false,
    };
    this.orders.set(order.id, order);
    this.discountCodes.recordUsages(redemptions, order);
    return order;
  }

  order(domain: string, id: number): SimOrder {
    const order = this.orders.get(id);
    if (!order || order.shopDomain !== domain) throw new SimulatorError(`unknown order ${id} on ${domain}`, 404);
    return order;
  }

  findOrder(domain: string, id: number): SimOrder | undefined {
    const order = this.orders.get(id);
    return order?.shopDomain === domain ? order : undefined;
  }

  listOrders(domain: string): SimOrder[] {
    return [...this.orders.values()].filter((o) => o.shopDomain === domain);
  }

  ordersOfCustomer(domain: string, customerId: number): SimOrder[] {
    return this.listOrders(domain).filter((o) => o.customerId === customerId);
  }

  payOrder(domain: string, id: number): SimOrder {
    const order = this.order(domain, id);
    if (order.financialStatus !== "pending")
      throw new SimulatorError(`order ${id} is ${order.financialStatus}, not pending`, 409);
    order.financialStatus = "paid";
    order.updatedAt = this.now();
    return order;
  }

  cancelOrder(domain: string, id: number, reason: CancelReason = "customer"): SimOrder {
    const order = this.order(domain, id);
    if (order.cancelledAt) throw new SimulatorError(`order ${id} is already cancelled`, 409);
    const at = this.now();
    order.cancelledAt = at;
    order.cancelReason = reason;
    order.closedAt = at;
    order.financialStatus = order.financialStatus === "pending" ? "voided" : "refunded";
    order.updatedAt = at;
    return order;
  }

  fulfillOrder(domain: string, id: number, input: FulfillOrderInput): { order: SimOrder; fulfillment: SimFulfillment } {
    const order = this.order(domain, id);
    if (order.cancelledAt) throw new SimulatorError(`order ${id} is cancelled`, 409);
    const done = new Set(order.fulfillments.flatMap((f) => f.lineItemIds));
    const lineItemIds = order.lineItems.map((li) => li.id).filter((lid) => !done.has(lid));
    if (lineItemIds.length === 0) throw new SimulatorError(`order ${id} is already fulfilled`, 409);
    const at = this.now();
    const fulfillment: SimFulfillment = {
      id: this.nextId("fulfillment"),
      orderId: order.id,
      status: "success",
      shipmentStatus: null,
      trackingCompany: input.trackingCompany,
      trackingNumber: input.trackingNumber,
      lineItemIds,
      createdAt: at,
      updatedAt: at,
    };
    order.fulfillments.push(fulfillment);
    order.updatedAt = at;
    return { order, fulfillment };
  }

  updateFulfillmentStatus(
    domain: string,
    fulfillmentId: number,
    status: ShipmentStatus,
  ): { order: SimOrder; fulfillment: SimFulfillment } {
    for (const order of this.listOrders(domain)) {
      const fulfillment = order.fulfillments.find((f) => f.id === fulfillmentId);
      if (fulfillment) {
        fulfillment.shipmentStatus = status;
        fulfillment.updatedAt = this.now();
        return { order, fulfillment };
      }
    }
    throw new SimulatorError(`unknown fulfillment ${fulfillmentId} on ${domain}`, 404);
  }

  refundOrder(domain: string, id: number, input: RefundOrderInput): { order: SimOrder; refund: SimRefund } {
    const order = this.order(domain, id);
    for (const line of input.lineItems) {
      if (line.quantity < 1 || line.quantity > refundableQuantity(order, line.lineItemId)) {
        throw new SimulatorError(`cannot refund ${line.quantity} of line item ${line.lineItemId}`, 422);
      }
    }
    const at = this.now();
    const refund: SimRefund = {
      id: this.nextId("refund"),
      orderId: order.id,
      note: input.note ?? null,
      lines: input.lineItems.map((l) => ({
        id: this.nextId("lineItem"),
        lineItemId: l.lineItemId,
        quantity: l.quantity,
      })),
      transactionId: this.nextId("transaction"),
      createdAt: at,
    };
    order.refunds.push(refund);
    const allRefunded = order.lineItems.every((li) => refundableQuantity(order, li.id) === 0);
    order.financialStatus = allRefunded ? "refunded" : "partially_refunded";
    order.updatedAt = at;
    return { order, refund };
  }

  /** One product and variant per SKU (or title), so repeat purchases of an item share ids as in a real catalogue. */
  private variantFor(key: string): { productId: number; variantId: number } {
    let ids = this.variantsBySku.get(key);
    if (!ids) {
      ids = { productId: this.nextId("product"), variantId: this.nextId("variant") };
      this.variantsBySku.set(key, ids);
    }
    return ids;
  }
}
