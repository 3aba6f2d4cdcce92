// A shop's past orders made up on demand (seeded, so the same size gives the same history) for bulk operations.
import type { SimCustomer, SimOrder, SimShop } from "./sim-types.js";

/** Ids far above the store's own counters, so generated records never collide with ones a test creates. */
const ORDER_ID_BASE = 7_000_000_000;
const CUSTOMER_ID_BASE = 8_000_000_000;
const DAY_MS = 86_400_000;

export interface HistorySize {
  orders: number;
  /** Distinct customers the orders spread over; defaults to a third of the orders. */
  customers?: number;
  /** The history ends one day before this (the install); it spans three years. */
  endsAt: Date;
}

/** mulberry32: a small seeded generator, so a history is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedCustomer(shop: SimShop, index: number, endsAt: Date): SimCustomer {
  const id = CUSTOMER_ID_BASE + index;
  const createdAt = new Date(endsAt.getTime() - 3 * 365 * DAY_MS - DAY_MS + index * 1000);
  return {
    id,
    shopDomain: shop.domain,
    firstName: `Past${index}`,
    lastName: "Customer",
    email: `past-${index}@example.com`,
    phone: null,
    locale: "en",
    acceptsMarketing: index % 2 === 0,
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * The index-th past order, oldest first: about 8% guest checkouts, 3% cancelled, 4% with one line refunded;
 * customers are skewed (low indexes buy more often), as real shops' customers are.
 */
export function generatedOrder(shop: SimShop, index: number, size: HistorySize): SimOrder {
  const next = random(index + 1);
  const customers = size.customers ?? Math.max(1, Math.floor(size.orders / 3));
  const span = 3 * 365 * DAY_MS;
  const createdAt = new Date(size.endsAt.getTime() - DAY_MS - span + Math.floor((index / size.orders) * span));
  const guest = next() < 0.08;
  const customerIndex = Math.floor(next() ** 2 * customers);
  const quantity = 1 + Math.floor(next() * 3);
  const price = (5 + Math.floor(next() * 9500) / 100).toFixed(2);
  const cancelled = next() < 0.03;
  const refunded = !cancelled && next() < 0.04;
  const id = ORDER_ID_BASE + index;
  // A refund comes half a day after the order (still before the install: the history ends a day before it).
  const refundedAt = new Date(createdAt.getTime() + DAY_MS / 2);
  return {
    id,
    shopDomain: shop.domain,
    orderNumber: 100_000 + index,
    customerId: guest ? null : CUSTOMER_ID_BASE + customerIndex,
    email: guest ? `guest-${index}@example.com` : `past-${customerIndex}@example.com`,
    lineItems: [{ id: id * 10, title: "Candle", price, quantity, sku: "CANDLE", variantId: 1, productId: 1 }],
    discountCodes: [],
    shippingPrice: "5.00",
    taxRate: 0.1,
    currency: shop.currencyCode,
    customerLocale: "en",
    createdAt,
    updatedAt: refunded ? refundedAt : createdAt,
    processedAt: createdAt,
    cancelledAt: cancelled ? createdAt : null,
    cancelReason: cancelled ? "customer" : null,
    closedAt: null,
    financialStatus: cancelled ? "voided" : refunded ? "partially_refunded" : "paid",
    fulfillments: [],
    refunds: refunded
      ? [
          {
            id: id * 10 + 1,
            orderId: id,
            note: null,
            lines: [{ id: id * 10 + 2, lineItemId: id * 10, quantity: 1 }],
            transactionId: 0,
            createdAt: refundedAt,
          },
        ]
      : [],
    test: false,
  };
}

export function customerIndexOf(customerId: number): number {
  return customerId - CUSTOMER_ID_BASE;
}

export function isGeneratedCustomer(customerId: number): boolean {
  return customerId >= CUSTOMER_ID_BASE;
}
