// The simulator's programmatic face: merchant actions on simulated shops, each emitting the webhooks Shopify would.
import { randomUUID } from "node:crypto";
import type { AppConfig } from "./app-config.js";
import type { AppProxyRequestInput } from "./app-proxy/app-proxy-url.js";
import { orderStatusPagePath, thankYouPagePath } from "./checkout/thank-you-routes.js";
import { LeakyBucket } from "./graphql/leaky-bucket.js";
import type { AppInstallations, AccessTokenGrant } from "./oauth/app-installations.js";
import type { InstallAppResult } from "./oauth/install-app.js";
import { buildCustomerPayload } from "./payloads/customer-payload.js";
import { buildFulfillmentPayload } from "./payloads/fulfillment-payload.js";
import { buildOrderPayload } from "./payloads/order-payload.js";
import { buildRefundPayload } from "./payloads/refund-payload.js";
import {
  buildCustomerDataRequestPayload,
  buildCustomerRedactPayload,
  buildShopPayload,
  buildShopRedactPayload,
} from "./payloads/shop-payload.js";
import type { SimStore } from "./state/sim-store.js";
import type { AddStaffMemberInput, SimStaffMember, StaffBook } from "./state/staff-book.js";
import type {
  CancelReason,
  CreateCustomerInput,
  CreateOrderInput,
  CreateShopInput,
  FulfillOrderInput,
  RefundOrderInput,
  ShipmentStatus,
  SimCustomer,
  SimDiscountCodeRecord,
  SimFulfillment,
  SimOrder,
  SimRefund,
  SimShop,
} from "./state/sim-types.js";
import type { DeliveryRecord } from "./webhooks/delivery-record.js";
import type { SimMetafield } from "./state/metafield-book.js";
import type { ReleaseOrder, WebhookDispatcher } from "./webhooks/webhook-dispatcher.js";
import type { SendWebhookOptions, WebhookEmitter } from "./webhooks/webhook-emitter.js";

export type ShopRef = SimShop | string;

export interface ShopifySimulatorParts {
  url: string;
  config: AppConfig;
  store: SimStore;
  installations: AppInstallations;
  staff: StaffBook;
  dispatcher: WebhookDispatcher;
  emitter: WebhookEmitter;
  buckets: Map<string, LeakyBucket>;
  installApp: (shop: string, startPath: string) => Promise<InstallAppResult>;
  appProxyUrl: (shop: string, input: AppProxyRequestInput) => URL;
  close: () => Promise<void>;
}

export class ShopifySimulator {
  readonly url: string;
  readonly config: AppConfig;
  readonly store: SimStore;
  private duplicates = 0;

  constructor(private readonly parts: ShopifySimulatorParts) {
    this.url = parts.url;
    this.config = parts.config;
    this.store = parts.store;
  }

  close(): Promise<void> {
    return this.parts.close();
  }

  createShop(input: CreateShopInput): SimShop {
    const shop = this.store.createShop(input);
    this.parts.buckets.set(shop.domain, new LeakyBucket(shop.maximumAvailable, shop.restoreRate));
    return shop;
  }

  /** Changes a shop's API plan limits (e.g. Plus: restoreRate 1000). */
  setRateLimits(shop: ShopRef, limits: { maximumAvailable: number; restoreRate: number }): void {
    const s = this.shop(shop);
    s.maximumAvailable = limits.maximumAvailable;
    s.restoreRate = limits.restoreRate;
    this.bucketFor(s.domain).reconfigure(limits.maximumAvailable, limits.restoreRate);
  }

  bucketFor(domain: string): LeakyBucket {
    let bucket = this.parts.buckets.get(domain);
    if (!bucket) {
      const shop = this.store.shop(domain);
      bucket = new LeakyBucket(shop.maximumAvailable, shop.restoreRate);
      this.parts.buckets.set(domain, bucket);
    }
    return bucket;
  }

  shop(ref: ShopRef): SimShop {
    return this.store.shop(typeof ref === "string" ? ref : ref.domain);
  }

  isInstalled(shop: ShopRef): boolean {
    return this.parts.installations.isInstalled(this.shop(shop).domain);
  }

  /** Drives the merchant's browser through the app's OAuth flow; resolves with the app callback's response. */
  installApp(shop: ShopRef, options: { startPath?: string } = {}): Promise<InstallAppResult> {
    return this.parts.installApp(this.shop(shop).domain, options.startPath ?? "/api/auth");
  }

  /** Installs without OAuth and returns an offline token, for tests that only need Admin API access. */
  grantAccessToken(shop: ShopRef, scopes: string[] = this.config.scopes): AccessTokenGrant {
    const domain = this.shop(shop).domain;
    return this.parts.installations.grantDirectly(domain, scopes);
  }

  /** A staff account on the shop: token exchange names it when its id is a session token's sub (the owner exists). */
  addStaffMember(shop: ShopRef, input: AddStaffMemberInput): SimStaffMember {
    return this.parts.staff.add(this.shop(shop).domain, input);
  }

  /** The signed URL Shopify forwards a storefront request on /apps/{subpath}{path} to. */
  appProxyUrl(shop: ShopRef, input: AppProxyRequestInput): URL {
    return this.parts.appProxyUrl(this.shop(shop).domain, input);
  }

  /** A storefront request through the app proxy, forwarded to the app as Shopify does (method and body kept). */
  appProxyRequest(shop: ShopRef, input: AppProxyRequestInput & { method?: string; body?: unknown }): Promise<Response> {
    const hasBody = input.body !== undefined;
    return fetch(this.appProxyUrl(shop, input), {
      method: input.method ?? (hasBody ? "POST" : "GET"),
      headers: hasBody ? { "content-type": "application/json" } : {},
      body: hasBody ? JSON.stringify(input.body) : undefined,
    });
  }

  createCustomer(shop: ShopRef, input: CreateCustomerInput): SimCustomer {
    const s = this.shop(shop);
    const customer = this.store.createCustomer(s.domain, input);
    this.emit(s, "customers/create", buildCustomerPayload(s, customer));
    return customer;
  }

  /** The customer's metafields as the Admin API set them. */
  customerMetafields(shop: ShopRef, customerId: number): SimMetafield[] {
    return this.store.metafields.list(this.shop(shop).domain, `gid://shopify/Customer/${customerId}`);
  }

  /** How many metafields each successful metafieldsSet call carried, oldest first. */
  metafieldsSetCalls(shop: ShopRef): number[] {
    return this.store.metafields.setCalls(this.shop(shop).domain);
  }

  /** The discount codes created in the shop through the Admin API, oldest first. */
  discountCodes(shop: ShopRef): SimDiscountCodeRecord[] {
    return this.store.discountCodes.list(this.shop(shop).domain);
  }

  /** The shop's discount code spelled `code` (any case, as checkout matches it), if it exists. */
  discountCode(shop: ShopRef, code: string): SimDiscountCodeRecord | undefined {
    return this.store.discountCodes.find(this.shop(shop).domain, code);
  }

  /** A code the shop knows is redeemed as at checkout: counted, or refused with an Error saying why. */
  createOrder(shop: ShopRef, input: CreateOrderInput): SimOrder {
    const s = this.shop(shop);
    const order = this.store.createOrder(s.domain, input);
    this.emitOrder(s, "orders/create", order);
    return order;
  }

  /** The order's thank-you page, hosting the app's checkout extension (needs extensionBundlePath). */
  thankYouPageUrl(shop: ShopRef, orderId: number): string {
    return `${this.url}${thankYouPagePath(this.shop(shop).domain, orderId)}`;
  }

  /** The order's status page in the customer's account, with the extension's order-status block. */
  orderStatusPageUrl(shop: ShopRef, orderId: number): string {
    return `${this.url}${orderStatusPagePath(this.shop(shop).domain, orderId)}`;
  }

  payOrder(shop: ShopRef, orderId: number): SimOrder {
    const s = this.shop(shop);
    const order = this.store.payOrder(s.domain, orderId);
    this.emitOrder(s, "orders/paid", order);
    return order;
  }

  cancelOrder(shop: ShopRef, orderId: number, options: { reason?: CancelReason } = {}): SimOrder {
    const s = this.shop(shop);
    const order = this.store.cancelOrder(s.domain, orderId, options.reason);
    this.emitOrder(s, "orders/cancelled", order);
    return order;
  }

  /** Fulfils every unfulfilled line: fulfillments/create then orders/fulfilled, one merchant action (one event id). */
  fulfillOrder(shop: ShopRef, orderId: number, input: FulfillOrderInput): SimFulfillment {
    const s = this.shop(shop);
    const { order, fulfillment } = this.store.fulfillOrder(s.domain, orderId, input);
    const eventId = randomUUID();
    this.emit(s, "fulfillments/create", buildFulfillmentPayload(s, order, fulfillment), eventId);
    this.emitOrder(s, "orders/fulfilled", order, eventId);
    return fulfillment;
  }

  updateFulfillmentStatus(shop: ShopRef, fulfillmentId: number, status: ShipmentStatus): SimFulfillment {
    const s = this.shop(shop);
    const { order, fulfillment } = this.store.updateFulfillmentStatus(s.domain, fulfillmentId, status);
    this.emit(s, "fulfillments/update", buildFulfillmentPayload(s, order, fulfillment));
    return fulfillment;
  }

  refundOrder(shop: ShopRef, orderId: number, input: RefundOrderInput): SimRefund {
    const s = this.shop(shop);
    const { order, refund } = this.store.refundOrder(s.domain, orderId, input);
    this.emit(s, "refunds/create", buildRefundPayload(s, order, refund));
    return refund;
  }

  /** Sends app/uninstalled while the subscription is still active, then deactivates it and revokes tokens. */
  uninstallApp(shop: ShopRef): DeliveryRecord[] {
    const s = this.shop(shop);
    const records = this.emit(s, "app/uninstalled", buildShopPayload(s));
    this.parts.installations.uninstall(s.domain);
    return records;
  }

  requestCustomerData(shop: ShopRef, customerId: number): DeliveryRecord[] {
    const s = this.shop(shop);
    const customer = this.store.customer(s.domain, customerId);
    const orderIds = this.store.ordersOfCustomer(s.domain, customerId).map((o) => o.id);
    return this.emit(
      s,
      "customers/data_request",
      buildCustomerDataRequestPayload(s, customer, orderIds, this.store.nextId("dataRequest")),
    );
  }

  redactCustomer(shop: ShopRef, customerId: number): DeliveryRecord[] {
    const s = this.shop(shop);
    const customer = this.store.customer(s.domain, customerId);
    const orderIds = this.store.ordersOfCustomer(s.domain, customerId).map((o) => o.id);
    return this.emit(s, "customers/redact", buildCustomerRedactPayload(s, customer, orderIds));
  }

  redactShop(shop: ShopRef): DeliveryRecord[] {
    const s = this.shop(shop);
    return this.emit(s, "shop/redact", buildShopRedactPayload(s));
  }

  sendWebhook(shop: ShopRef, topic: string, payload: unknown, opts: SendWebhookOptions = {}): DeliveryRecord[] {
    const domain = typeof shop === "string" ? shop : shop.domain;
    return this.parts.emitter.send(domain, topic, payload, opts);
  }

  /** Every later webhook is delivered `count` extra times with the same webhook id (0 turns it off). */
  setDuplicates(count: number): void {
    this.duplicates = Math.max(0, Math.floor(count));
  }

  duplicatesPerDelivery(): number {
    return this.duplicates;
  }

  holdDeliveries(): void {
    this.parts.dispatcher.hold();
  }

  releaseDeliveries(options: { order?: ReleaseOrder; seed?: number } = {}): Promise<void> {
    return this.parts.dispatcher.release(options.order ?? "fifo", options.seed ?? 1);
  }

  settle(): Promise<void> {
    return this.parts.dispatcher.settle();
  }

  deliveries(): DeliveryRecord[] {
    return this.parts.dispatcher.records();
  }

  private emitOrder(shop: SimShop, topic: string, order: SimOrder, eventId?: string): DeliveryRecord[] {
    const customer = order.customerId == null ? null : (this.store.findCustomer(shop.domain, order.customerId) ?? null);
    return this.emit(shop, topic, buildOrderPayload(shop, order, customer), eventId);
  }

  private emit(shop: SimShop, topic: string, payload: unknown, eventId: string = randomUUID()): DeliveryRecord[] {
    return this.parts.emitter.emit(shop.domain, topic, payload, eventId);
  }
}
