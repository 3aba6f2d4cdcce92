// The operations the ledger bench runs: earn (and mature), redeem, adjust and claw back, through the domain code.
import { randomInt } from "node:crypto";
import type { PgPool } from "../server/db/create-pg-pool.js";
import type { LoyaltyServices } from "../server/domain/loyalty/create-loyalty-services.js";
import type { PointsRepositories } from "../server/domain/loyalty/create-points-repositories.js";
import { orderPayloadSchema } from "../server/domain/orders/order-payload.js";

export type LedgerOp = "earn" | "redeem" | "adjust" | "clawback";

export interface MixDeps {
  pool: PgPool;
  shopId: number;
  customerIds: number[];
  loyalty: LoyaltyServices;
  points: PointsRepositories;
}

const dayMs = 24 * 3600 * 1000;
/** Weights of the mix: most writes are orders, then staff, spending and refunds. */
const weights: [LedgerOp, number][] = [
  ["earn", 40],
  ["adjust", 25],
  ["redeem", 20],
  ["clawback", 15],
];

export function pickOp(): LedgerOp {
  let roll = randomInt(100);
  for (const [op, weight] of weights) {
    if (roll < weight) return op;
    roll -= weight;
  }
  return "earn";
}

export function createLedgerWriteMix(deps: MixDeps) {
  let nextOrderId = 5_000_000;
  let nextRefundId = 9_000_000;
  let nextRequest = 0;
  const matured: { orderId: number; subtotalCents: number }[] = [];
  const pick = <T>(items: T[]): T | undefined => (items.length > 0 ? items[randomInt(items.length)] : undefined);
  const { pool, shopId, loyalty, points } = deps;

  /** A paid order earned a month ago: its points are pending, then matured as the return window has passed. */
  async function earn(): Promise<void> {
    const customerId = pick(deps.customerIds) ?? 0;
    const orderId = (nextOrderId += 1);
    const subtotalCents = 1000 + randomInt(20_000);
    const subtotal = (subtotalCents / 100).toFixed(2);
    const paidAt = new Date(Date.now() - 30 * dayMs);
    await pool.query(
      `INSERT INTO "order" (shop_id, shopify_order_id, customer_id, name, subtotal_price, financial_status, paid_at,
                            shopify_created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::numeric, 'paid', $6, $6, now())`,
      [shopId, orderId, customerId, `#${orderId}`, subtotal, paidAt.toISOString()],
    );
    const order = orderPayloadSchema.parse({
      id: orderId,
      name: `#${orderId}`,
      updated_at: paidAt.toISOString(),
      subtotal_price: subtotal,
    });
    await loyalty.orderPoints.earnForPaidOrder({ shopId, customerId, order, now: paidAt });
    await loyalty.orderPoints.settleOrder(shopId, BigInt(orderId), new Date());
    matured.push({ orderId, subtotalCents });
  }

  /** A partial refund of a matured order (sometimes more than is left: the clawback must stop at what was earned). */
  async function clawback(): Promise<void> {
    const order = pick(matured);
    if (!order) return earn();
    const refundCents = 100 + randomInt(Math.max(1, Math.floor(order.subtotalCents / 2)));
    const amount = (refundCents / 100).toFixed(2);
    await loyalty.orderPoints.recordRefund(
      shopId,
      {
        id: (nextRefundId += 1),
        order_id: order.orderId,
        created_at: new Date().toISOString(),
        refund_line_items: [{ subtotal_set: { shop_money: { amount } } }],
      },
      new Date(),
    );
  }

  async function redeem(): Promise<void> {
    const customerId = pick(deps.customerIds) ?? 0;
    const request = (nextRequest += 1);
    await points.redemptions.debit({
      shopId,
      customer: { id: customerId },
      points: 100 * (1 + randomInt(3)),
      value: "1.00",
      currencyCode: "USD",
      code: `BENCH-${request}-${randomInt(1_000_000)}`,
      source: "app_proxy",
      requestKey: `bench-${request}`,
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 30 * dayMs),
    });
  }

  /** Staff add or remove points; a removal below zero is refused (no override), as the admin does by default. */
  async function adjust(): Promise<void> {
    const customerId = pick(deps.customerIds) ?? 0;
    const request = (nextRequest += 1);
    await points.adjustments.adjust({
      shopId,
      customerId,
      points: randomInt(2) === 0 ? 10 + randomInt(200) : -(10 + randomInt(200)),
      reason: "bench adjustment",
      actor: "bench-staff",
      allowNegative: false,
      requestKey: `bench-${request}`,
    });
  }

  const run: Record<LedgerOp, () => Promise<void>> = { earn, redeem, adjust, clawback };
  return run;
}
