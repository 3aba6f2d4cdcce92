// The fields of Shopify's refunds/create payload that loyalty uses: which order, and the refunded line subtotal.
import { z } from "zod";

const money = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount such as 12.50");

export const refundPayloadSchema = z.object({
  id: z.number().int().positive(),
  order_id: z.number().int().positive(),
  created_at: z.iso.datetime({ offset: true }).nullable().optional(),
  refund_line_items: z
    .array(
      z.object({
        /** The refunded lines' price after their discounts, without tax. */
        subtotal: z.number().optional(),
        subtotal_set: z.object({ shop_money: z.object({ amount: money }) }).optional(),
      }),
    )
    .default([]),
});

export type RefundPayload = z.infer<typeof refundPayloadSchema>;

/** Sum of the refunded lines' subtotals, as a decimal string (shipping-only refunds give "0.00"). */
export function refundedSubtotal(refund: RefundPayload): string {
  let cents = 0;
  for (const line of refund.refund_line_items) {
    const amount = line.subtotal_set?.shop_money.amount ?? (line.subtotal ?? 0).toFixed(2);
    cents += Math.round(Number(amount) * 100);
  }
  return (cents / 100).toFixed(2);
}
