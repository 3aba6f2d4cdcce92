// One line of the history export (an order with its customer inline), parsed to the rows we keep.
import { z } from "zod";

const gidNumber = (type: string) =>
  z
    .string()
    .regex(new RegExp(`^gid://shopify/${type}/\\d+$`))
    .transform((gid) => gid.slice(gid.lastIndexOf("/") + 1));

const money = z.object({ shopMoney: z.object({ amount: z.string() }) });

/** Only the fields the import stores; anything else Shopify adds is ignored. */
export const historyOrderLineSchema = z.object({
  id: gidNumber("Order"),
  name: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  currencyCode: z.string().nullish(),
  subtotalPriceSet: money.nullish(),
  currentSubtotalPriceSet: money,
  refunds: z
    .array(z.object({ id: gidNumber("Refund"), createdAt: z.string().nullish(), totalRefundedSet: money }))
    .nullish(),
  customer: z
    .object({
      id: gidNumber("Customer"),
      email: z.string().nullish(),
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      locale: z.string().nullish(),
    })
    .nullish(),
});

export interface HistoryOrderRow {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
  name: string | null;
  currencyCode: string | null;
  /** The subtotal after discounts as ordered; refunds are stored apart, as refund webhooks store them. */
  subtotal: string;
  financialStatus: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A refund made before the install: its webhook never came, so the import records it as the webhook would. */
export interface HistoryRefundRow {
  shopifyRefundId: string;
  shopifyOrderId: string;
  /** Refunded merchandise subtotal (no shipping, no tax), the figure net revenue subtracts. */
  subtotal: string;
  refundedAt: string;
}

export interface HistoryCustomerRow {
  shopifyCustomerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
}

/**
 * The order's refunded merchandise (subtotal - current subtotal) split over its refunds by their refunded totals,
 * in cents, the last taking what rounding leaves: a refund's own goods subtotal sits in refundLineItems, a
 * connection that a bulk query cannot select inside the refunds list. One refund (the usual case) gets it exactly.
 */
export function refundRowsOf(
  orderId: string,
  createdAt: string,
  refundedCents: number,
  refunds: readonly { id: string; createdAt?: string | null; totalRefundedSet: { shopMoney: { amount: string } } }[],
): HistoryRefundRow[] {
  const totals = refunds.map((refund) => Math.round(Number(refund.totalRefundedSet.shopMoney.amount) * 100));
  const sum = totals.reduce((a, b) => a + b, 0);
  let left = Math.max(0, refundedCents);
  return refunds.map((refund, index) => {
    const share =
      index === refunds.length - 1
        ? left
        : Math.min(left, sum > 0 ? Math.round((refundedCents * (totals[index] ?? 0)) / sum) : 0);
    left -= share;
    return {
      shopifyRefundId: refund.id,
      shopifyOrderId: orderId,
      subtotal: (share / 100).toFixed(2),
      refundedAt: refund.createdAt ?? createdAt,
    };
  });
}

const centsOf = (amount: string) => Math.round(Number(amount) * 100);

export function parseHistoryLine(line: string): {
  order: HistoryOrderRow;
  customer: HistoryCustomerRow | null;
  refunds: HistoryRefundRow[];
} {
  const node = historyOrderLineSchema.parse(JSON.parse(line));
  const customer = node.customer
    ? {
        shopifyCustomerId: node.customer.id,
        email: node.customer.email ?? null,
        firstName: node.customer.firstName ?? null,
        lastName: node.customer.lastName ?? null,
        locale: node.customer.locale ?? null,
      }
    : null;
  const current = node.currentSubtotalPriceSet.shopMoney.amount;
  // Without the original subtotal there is nothing to subtract refunds from: keep what is left, as before.
  const original = node.subtotalPriceSet?.shopMoney.amount;
  const refunds =
    original === undefined
      ? []
      : refundRowsOf(node.id, node.createdAt, centsOf(original) - centsOf(current), node.refunds ?? []);
  return {
    customer,
    refunds,
    order: {
      shopifyOrderId: node.id,
      shopifyCustomerId: customer?.shopifyCustomerId ?? null,
      name: node.name ?? null,
      currencyCode: node.currencyCode ?? null,
      subtotal: original !== undefined && refunds.length > 0 ? original : current,
      financialStatus: node.displayFinancialStatus?.toLowerCase() ?? null,
      cancelledAt: node.cancelledAt ?? null,
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
    },
  };
}
