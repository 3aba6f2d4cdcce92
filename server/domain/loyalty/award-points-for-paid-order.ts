// Awards a paid order's points to its customer, exactly once per order.
import type { LedgerRepository } from "./ledger-repository.js";
import { pointsForOrder } from "./points-for-order.js";

export interface PaidOrder {
  shopId: number;
  customerId: number;
  shopifyOrderId: number;
  orderName: string | undefined;
  subtotal: string;
}

export type AwardOutcome =
  { kind: "awarded"; points: number; balance: number } | { kind: "already_awarded" } | { kind: "nothing_to_award" };

export function earnKeyForOrder(shopifyOrderId: number): string {
  return `order:${shopifyOrderId}:earn`;
}

export async function awardPointsForPaidOrder(
  ledger: LedgerRepository,
  order: PaidOrder,
  pointsPerCurrencyUnit: string,
): Promise<AwardOutcome> {
  const points = pointsForOrder(order.subtotal, pointsPerCurrencyUnit);
  if (points <= 0) return { kind: "nothing_to_award" };
  const result = await ledger.append({
    shopId: order.shopId,
    customerId: order.customerId,
    points,
    cause: "order",
    idempotencyKey: earnKeyForOrder(order.shopifyOrderId),
    shopifyOrderId: BigInt(order.shopifyOrderId),
    reason: `Order ${order.orderName ?? order.shopifyOrderId} paid`,
  });
  return result.applied ? { kind: "awarded", points, balance: result.balance } : { kind: "already_awarded" };
}
