// Derives an order's money figures (subtotal, tax, totals, refunds) in cents from its lines and adjustments.
import { toCents } from "./money.js";
import type { SimOrder, SimRefundLine } from "./sim-types.js";

export interface OrderTotals {
  lineItemsCents: number;
  discountCents: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents: number;
  currentSubtotalCents: number;
  currentTotalCents: number;
}

export function refundLineSubtotalCents(order: SimOrder, line: SimRefundLine): number {
  const item = order.lineItems.find((li) => li.id === line.lineItemId);
  return item ? toCents(item.price) * line.quantity : 0;
}

export function refundLineTaxCents(order: SimOrder, line: SimRefundLine): number {
  return Math.round(refundLineSubtotalCents(order, line) * order.taxRate);
}

export function orderTotals(order: SimOrder): OrderTotals {
  const lineItemsCents = order.lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0);
  // A "shipping" code discounts the shipping line; the others discount the merchandise.
  const goodsDiscount = order.discountCodes
    .filter((d) => d.type !== "shipping")
    .reduce((sum, d) => sum + toCents(d.amount), 0);
  const shippingDiscount = order.discountCodes
    .filter((d) => d.type === "shipping")
    .reduce((sum, d) => sum + toCents(d.amount), 0);
  const subtotalCents = Math.max(0, lineItemsCents - goodsDiscount);
  const shippingCents = Math.max(0, toCents(order.shippingPrice) - shippingDiscount);
  const taxCents = Math.round(subtotalCents * order.taxRate);
  const totalCents = subtotalCents + shippingCents + taxCents;
  const refundLines = order.refunds.flatMap((r) => r.lines);
  const refundedSubtotal = refundLines.reduce((sum, l) => sum + refundLineSubtotalCents(order, l), 0);
  const refundedTax = refundLines.reduce((sum, l) => sum + refundLineTaxCents(order, l), 0);
  return {
    lineItemsCents,
    discountCents: goodsDiscount + shippingDiscount,
    subtotalCents,
    shippingCents,
    taxCents,
    totalCents,
    refundedCents: refundedSubtotal + refundedTax,
    currentSubtotalCents: Math.max(0, subtotalCents - refundedSubtotal),
    currentTotalCents: Math.max(0, totalCents - refundedSubtotal - refundedTax),
  };
}

/** Quantity of a line item not yet refunded. */
export function refundableQuantity(order: SimOrder, lineItemId: number): number {
  const item = order.lineItems.find((li) => li.id === lineItemId);
  if (!item) return 0;
  const refunded = order.refunds
    .flatMap((r) => r.lines)
    .filter((l) => l.lineItemId === lineItemId)
    .reduce((sum, l) => sum + l.quantity, 0);
  return item.quantity - refunded;
}
