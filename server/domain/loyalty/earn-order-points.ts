// Earning on a paid order: base points (tier multiplier), first-order bonus, milestone and referral, all pending.
import type { OrderPayload } from "../orders/order-payload.js";
import { basePointsForOrder, earnableAmount } from "./earning-rules.js";
import type { LedgerRepository, Queryable } from "./ledger-repository.js";
import type { LoyaltySettingsInput } from "./loyalty-settings.js";
import type { OrderPointsRepository } from "./order-points-repository.js";
import { recordMilestoneCoupon } from "./milestone-coupon-repository.js";
import { addressFingerprint, applyReferral, recordAddress, referralCodeOf } from "./referral-service.js";

export interface PaidOrderInput {
  shopId: number;
  customerId: number;
  order: OrderPayload;
  now: Date;
}

export type EarnResult =
  | { applied: true; availableAt: Date; notes: string[]; milestoneCouponId: number | null }
  | { applied: false; notes: string[] };

const dayMs = 24 * 3600 * 1000;

/** The one earn entry per order: duplicates and reordered events find it taken. */
export function earnKeyForOrder(shopifyOrderId: number): string {
  return `order:${shopifyOrderId}:earn`;
}

export function returnWindowEnd(now: Date, settings: LoyaltySettingsInput): Date {
  return new Date(now.getTime() + settings.returnWindowDays * dayMs);
}

async function multiplierOf(db: Queryable, customerId: number, settings: LoyaltySettingsInput) {
  const result = await db.query<{ tier: string | null }>("SELECT tier FROM customer WHERE id = $1", [customerId]);
  const tier = settings.tiers.find((candidate) => candidate.name === result.rows[0]?.tier);
  if (!tier || tier.multiplier === "1") return { multiplier: "1", label: "" };
  return { multiplier: tier.multiplier, label: ` x${tier.multiplier} (${tier.name})` };
}

interface EarnContext {
  db: Queryable;
  ledger: LedgerRepository;
  repo: OrderPointsRepository;
  settings: LoyaltySettingsInput;
}

/** Every Nth paid order: points pending with it, or a personal code recorded once per customer and milestone. */
async function milestoneReward(
  context: EarnContext,
  input: PaidOrderInput,
  nth: number,
  availableAt: Date,
): Promise<{ note: string | null; couponId: number | null }> {
  const { db, ledger, settings } = context;
  const { shopId, customerId, order } = input;
  if (settings.milestoneEvery <= 0 || nth % settings.milestoneEvery !== 0) return { note: null, couponId: null };
  if (settings.milestoneReward === "coupon") {
    if (!order.customer) return { note: null, couponId: null };
    const couponId = await recordMilestoneCoupon(
      db,
      {
        shopId,
        customerId,
        shopifyCustomerId: BigInt(order.customer.id),
        milestone: nth,
        shopifyOrderId: BigInt(order.id),
        currencyCode: order.currency ?? "USD",
        now: input.now,
      },
      settings,
    );
    return { note: `milestone ${nth}: ${couponId === null ? "coupon already recorded" : "coupon to issue"}`, couponId };
  }
  if (settings.milestonePoints <= 0) return { note: null, couponId: null };
  await ledger.append(
    {
      shopId,
      customerId,
      points: settings.milestonePoints,
      cause: "milestone",
      status: "pending",
      availableAt,
      idempotencyKey: `milestone:${customerId}:${nth}`,
      shopifyOrderId: BigInt(order.id),
      reason: `Milestone: paid order number ${nth}`,
    },
    db,
  );
  return { note: `milestone ${nth}: ${settings.milestonePoints} points pending`, couponId: null };
}

/** The milestone and referral rewards that ride on an order (pending with it, voided with it). */
async function orderExtras(context: EarnContext, input: PaidOrderInput, previous: number, availableAt: Date) {
  const { db, ledger, settings } = context;
  const { shopId, customerId, order } = input;
  const notes: string[] = [];
  const nth = previous + 1;
  const milestone = await milestoneReward(context, input, nth, availableAt);
  if (milestone.note) notes.push(milestone.note);
  const fingerprint = addressFingerprint(order.shipping_address);
  const code = referralCodeOf(order);
  if (previous === 0 && code) {
    const referral = await applyReferral(db, ledger, {
      shopId,
      friend: { id: customerId, email: order.customer?.email ?? order.email ?? null },
      code,
      addressFingerprint: fingerprint,
      shopifyOrderId: BigInt(order.id),
      orderName: order.name ?? String(order.id),
      availableAt,
      points: settings.referralPoints,
    });
    notes.push(referral);
  }
  await recordAddress(db, shopId, customerId, fingerprint);
  return { notes, milestoneCouponId: milestone.couponId };
}

/** Runs inside the customer's lock: "first order" and "Nth order" are counted without a race. */
export async function earnOrderPoints(context: EarnContext, input: PaidOrderInput): Promise<EarnResult> {
  const { db, ledger, repo, settings } = context;
  const { shopId, customerId, order } = input;
  const orderId = BigInt(order.id);
  const previous = await repo.earningOrderCount(customerId, orderId, db);
  const { multiplier, label } = await multiplierOf(db, customerId, settings);
  const shipping = order.total_shipping_price_set?.shop_money.amount ?? "0";
  const amount = earnableAmount({ subtotal: order.subtotal_price, shipping, tax: order.total_tax ?? "0" }, settings);
  const base = basePointsForOrder(amount, settings, multiplier);
  const bonus = previous === 0 ? settings.firstOrderBonus : 0;
  if (base + bonus <= 0) return { applied: false, notes: ["subtotal earns no points"] };
  const availableAt = returnWindowEnd(input.now, settings);
  const appended = await ledger.append(
    {
      shopId,
      customerId,
      points: base + bonus,
      cause: "order",
      status: "pending",
      availableAt,
      idempotencyKey: earnKeyForOrder(order.id),
      shopifyOrderId: orderId,
      reason: `Order ${order.name ?? order.id}: ${base} points on ${amount}${label}${bonus > 0 ? ` + ${bonus} first-order bonus` : ""}`,
    },
    db,
  );
  if (!appended.applied) return { applied: false, notes: ["points for this order were already awarded"] };
  const notes = [`${base + bonus} points pending until ${availableAt.toISOString()}`];
  const extras = await orderExtras(context, input, previous, availableAt);
  notes.push(...extras.notes);
  return { applied: true, availableAt, notes, milestoneCouponId: extras.milestoneCouponId };
}
