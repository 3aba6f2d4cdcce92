// What a number of points is worth, or why it cannot be redeemed: exact cents, no floating point.
import type { RedemptionSettings } from "./redemption-settings.js";

export type RedemptionQuote =
  | { ok: true; points: number; value: string }
  | { ok: false; reason: "disabled" | "below_minimum" | "not_a_multiple"; minimumPoints: number; step: number };

/** Points go in steps of `pointsPerCurrencyUnit`, so every code is worth whole currency units. */
export function quoteRedemption(settings: RedemptionSettings, points: number): RedemptionQuote {
  const refusal = { minimumPoints: settings.minimumPoints, step: settings.pointsPerCurrencyUnit };
  if (!settings.enabled) return { ok: false, reason: "disabled", ...refusal };
  if (points < settings.minimumPoints) return { ok: false, reason: "below_minimum", ...refusal };
  if (points % settings.pointsPerCurrencyUnit !== 0) return { ok: false, reason: "not_a_multiple", ...refusal };
  return { ok: true, points, value: `${points / settings.pointsPerCurrencyUnit}.00` };
}
