// Which emails an order event or a fulfillment event asks for, each enqueued once under its (order, kind) key.
import type { EmailOrder, Shop } from "@prisma/client";
import type { EmailOrderRepository, OrderItem } from "./email-order-repository.js";
import type { EnqueueEmail, EnqueueEmailInput } from "./enqueue-email.js";
import type { FulfillmentPayload, OrderEmailPayload } from "./order-email-payload.js";

export interface OrderEmailDeps {
  enqueueEmail: EnqueueEmail;
  emailOrders: EmailOrderRepository;
  /** Our customer id for a Shopify customer, null for a customer we have not recorded. */
  customerIdOf: (shopId: number, shopifyCustomerId: number) => Promise<number | null>;
  /** Orders of this customer placed before this one (the same count thank-you coupons use). */
  countPreviousOrders: (shopId: number, customerId: number, before: Date, orderId: number) => Promise<number>;
  /** A customer we recorded with this email (from customers/create or earlier orders), for a fulfillment seen first. */
  customerByEmail: (
    shopId: number,
    email: string,
  ) => Promise<{ id: number; firstName: string | null; locale: string | null } | null>;
  /** Whether the order already has a row of this kind (an out-for-delivery after delivered is not sent). */
  hasEmail: (shopId: number, dedupeKey: string) => Promise<boolean>;
}

function orderData(order: EmailOrder) {
  return {
    customer: { firstName: order.firstName },
    order: {
      name: order.orderName,
      currency: order.currencyCode,
      totalPrice: order.totalPrice,
      items: order.items as OrderItem[],
    },
  };
}

function base(order: EmailOrder): Omit<EnqueueEmailInput, "kind" | "dedupeKey" | "data"> {
  return {
    shopId: order.shopId,
    to: order.email,
    language: order.language,
    promotional: false,
    customerId: order.customerId,
    shopifyOrderId: order.shopifyOrderId,
  };
}

/** What the delivery window is computed from when the email is sent (prepare-email-data.ts). */
function windowFrom(order: EmailOrder, shippedAt?: string) {
  return {
    orderedAt: order.orderedAt.toISOString(),
    countryCode: order.countryCode,
    shippingMethod: order.shippingMethod,
    ...(shippedAt ? { shippedAt } : {}),
  };
}

/** orders/create and orders/paid: "order received" once, and the first-order thank-you for a first order. */
export async function enqueueOrderEmails(deps: OrderEmailDeps, shop: Shop, payload: OrderEmailPayload) {
  const customerId = payload.customer ? await deps.customerIdOf(shop.id, payload.customer.id) : null;
  const order = await deps.emailOrders.record(shop.id, customerId, payload);
  if (payload.cancelled_at) return ["order cancelled: no order emails"];
  const key = `order:${payload.id}`;
  // The thank-you coupon is looked up when the email is sent (it is created alongside): attachCoupon asks for it.
  const received = await deps.enqueueEmail({
    ...base(order),
    kind: "order_received",
    dedupeKey: `${key}:order_received`,
    data: { ...orderData(order), windowFrom: windowFrom(order), attachCoupon: true },
  });
  const notes = [`order_received email ${received.created ? "queued" : "already queued"} (${received.status})`];
  if (customerId === null || !payload.customer) return notes;
  const previous = await deps.countPreviousOrders(shop.id, customerId, order.orderedAt, payload.id);
  if (previous > 0) return notes;
  const thanks = await deps.enqueueEmail({
    ...base(order),
    kind: "first_order_thank_you",
    dedupeKey: `customer:${payload.customer.id}:first_order_thank_you`,
    sendAfter: order.orderedAt,
    data: { ...orderData(order), attachCoupon: true },
  });
  notes.push(`first_order_thank_you email ${thanks.created ? "queued" : "already queued"} (${thanks.status})`);
  return notes;
}

/**
 * A fulfillment we heard of before its order (webhooks arrive in any order): enough to write to the shopper, in
 * the language we know for that email address, else the shop's.
 */
async function orderFromFulfillment(deps: OrderEmailDeps, shop: Shop, fulfillment: FulfillmentPayload) {
  const customer = fulfillment.email ? await deps.customerByEmail(shop.id, fulfillment.email) : null;
  const order: EmailOrder = {
    shopId: shop.id,
    shopifyOrderId: BigInt(fulfillment.order_id),
    orderName: fulfillment.name?.replace(/\.\d+$/, "") ?? null,
    email: fulfillment.email ?? null,
    language: customer?.locale ?? "",
    customerId: customer?.id ?? null,
    firstName: customer?.firstName ?? null,
    orderedAt: new Date(fulfillment.created_at),
    countryCode: null,
    shippingMethod: null,
    currencyCode: null,
    totalPrice: null,
    items: [],
    updatedAt: new Date(),
  };
  return order;
}

/**
 * fulfillments/create: shipped (with the window recomputed from the ship date); then, on either topic, out for
 * delivery and delivered as the carrier reports them.
 */
export async function enqueueFulfillmentEmails(
  deps: OrderEmailDeps,
  shop: Shop,
  fulfillment: FulfillmentPayload,
  created: boolean,
) {
  if (fulfillment.status !== "success") return [`fulfillment ${fulfillment.status}: no email`];
  const recorded = await deps.emailOrders.find(shop.id, fulfillment.order_id);
  const order = recorded ?? (await orderFromFulfillment(deps, shop, fulfillment));
  const key = `order:${fulfillment.order_id}`;
  const tracking = {
    company: fulfillment.tracking_company ?? null,
    number: fulfillment.tracking_number ?? null,
    url: fulfillment.tracking_url ?? null,
  };
  // A guest's order not heard of yet: its language is the order's, known once its webhook lands (prepare-email-data).
  const languageFromOrder = !recorded && order.language === "" ? { languageFromOrder: true } : {};
  const data = { ...orderData(order), tracking, ...languageFromOrder };
  const notes: string[] = [];
  const enqueue = async (kind: "shipped" | "out_for_delivery" | "delivered", extra: object = {}) => {
    const result = await deps.enqueueEmail({
      ...base(order),
      kind,
      dedupeKey: `${key}:${kind}`,
      data: { ...data, ...extra },
    });
    notes.push(`${kind} email ${result.created ? "queued" : "already queued"} (${result.status})`);
  };
  if (created) await enqueue("shipped", { windowFrom: windowFrom(order, fulfillment.created_at) });
  const status = fulfillment.shipment_status;
  if (status === "out_for_delivery" && !(await deps.hasEmail(shop.id, `${key}:delivered`))) {
    await enqueue("out_for_delivery");
  }
  if (status === "delivered") await enqueue("delivered");
  return notes;
}
