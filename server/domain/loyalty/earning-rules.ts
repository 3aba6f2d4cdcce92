// The pure earning rules: an order's points, the share a refund takes back, the tier a measure reaches.
import { pointsForOrder } from "./points-for-order.js";
import type { LoyaltySettingsInput, Tier } from "./loyalty-settings.js";

export interface OrderAmounts {
  /** After discounts, before shipping and tax. */
  subtotal: string;
  shipping: string;
  tax: string;
}

/** Cents from a decimal string, exactly (amounts have at most two decimals in shop currencies). */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?\d*$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${amount}"`);
  const [, sign, whole = "0", fraction = ""] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** What the owner counts: the subtotal, plus shipping and tax only if they chose so. */
export function earnableAmount(amounts: OrderAmounts, settings: LoyaltySettingsInput): string {
  let cents = toCents(amounts.subtotal);
  if (settings.includeShipping) cents += toCents(amounts.shipping);
  if (settings.includeTax) cents += toCents(amounts.tax);
  return fromCents(cents);
}

/** floor(amount x rate x multiplier), in exact decimal arithmetic. */
export function basePointsForOrder(amount: string, settings: LoyaltySettingsInput, multiplier: string): number {
  // Rate x multiplier first (exact at 4 decimals), then one floor on the order: 10.00 x 1 x 1.25 gives 12.
  return pointsForOrder(amount, multiplyDecimals(settings.pointsPerCurrencyUnit, multiplier));
}

function multiplyDecimals(a: string, b: string): string {
  const scaled = (value: string) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, "0").slice(0, 4));
  };
  const product = (scaled(a) * scaled(b)) / 10_000n;
  return `${product / 10_000n}.${(product % 10_000n).toString().padStart(4, "0")}`;
}

/**
 * The points a refund history takes back from an order's earned points: in proportion to the refunded subtotal,
 * rounded down, and never more than was earned however many partial refunds there are.
 */
export function clawbackTarget(earned: number, orderSubtotal: string, refundedSubtotal: string): number {
  const subtotal = toCents(orderSubtotal);
  const refunded = toCents(refundedSubtotal);
  if (earned <= 0 || refunded <= 0n) return 0;
  if (subtotal <= 0n || refunded >= subtotal) return earned;
  return Number((BigInt(earned) * refunded) / subtotal);
}

/** The highest tier whose threshold the measure reaches; null below the first. Tiers are sorted ascending. */
export function tierFor(measure: string, tiers: Tier[]): Tier | null {
  const cents = toCents(measure);
  let reached: Tier | null = null;
  for (const tier of tiers) if (cents >= toCents(tier.threshold)) reached = tier;
  return reached;
}
