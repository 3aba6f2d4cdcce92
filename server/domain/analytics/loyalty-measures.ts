// Coupon and points measures: redemption rate, revenue from redeemed codes, and the points liability.
import { centsOf, moneyOf, percentOf, resultOf } from "./measure-result.js";

export interface CouponCounts {
  /** Thank-you codes created in Shopify (issued or since redeemed) whose order falls in the period. */
  issued: number;
  /** Of those, the ones used on a later order. */
  redeemed: number;
  /** Subtotal after discounts of orders that redeemed a code in the period. */
  redeemedRevenue: string;
  /** How many codes were redeemed in the period (the revenue's count). */
  redemptionsInPeriod: number;
}

export function couponRedemptionRate(counts: CouponCounts) {
  return resultOf(percentOf(counts.redeemed, counts.issued), "percent", {
    issued: counts.issued,
    redeemed: counts.redeemed,
  });
}

/** Zero is a real answer here (codes went out, nobody used one); null only when no code was ever redeemable. */
export function couponRevenue(counts: CouponCounts) {
  const value = counts.issued > 0 || counts.redemptionsInPeriod > 0 ? moneyOf(centsOf(counts.redeemedRevenue)) : null;
  return resultOf(value, "money", { redemptions: counts.redemptionsInPeriod });
}

export interface PointsTotals {
  /** Sum of positive spendable balances (a negative balance after a clawback is not owed to anyone). */
  availablePoints: number;
  /** Points waiting for the return window; not yet spendable, shown apart. */
  pendingPoints: number;
  customersWithPoints: number;
  /** Points that buy one unit of the shop currency (redemption settings; 100 when the shop set nothing). */
  pointsPerCurrencyUnit: number;
  /** True when the shop has no redemption settings row and the default rate was used. */
  defaultRate: boolean;
}

export function pointsLiability(totals: PointsTotals) {
  const rate = totals.pointsPerCurrencyUnit;
  const parts = {
    availablePoints: totals.availablePoints,
    pendingPoints: totals.pendingPoints,
    customersWithPoints: totals.customersWithPoints,
    pointsPerCurrencyUnit: rate,
    rateSource: totals.defaultRate ? "default (the shop has not set a redemption rate)" : "redemption settings",
    pendingValue: moneyOf(rate > 0 ? (totals.pendingPoints * 100) / rate : 0),
  };
  if (rate <= 0) return resultOf(null, "money", parts);
  return resultOf(moneyOf((totals.availablePoints * 100) / rate), "money", parts);
}

export function pointsOutstanding(totals: PointsTotals) {
  return resultOf(totals.availablePoints, "points", {
    pendingPoints: totals.pendingPoints,
    customersWithPoints: totals.customersWithPoints,
  });
}

/** One month-end of the liability trend: spendable points then, valued at today's redemption rate. */
export function pointsLiabilityAt(availablePoints: number, pointsPerCurrencyUnit: number) {
  const parts = { availablePoints, pointsPerCurrencyUnit };
  if (pointsPerCurrencyUnit <= 0) return resultOf(null, "money", parts);
  return resultOf(moneyOf((availablePoints * 100) / pointsPerCurrencyUnit), "money", parts);
}

/** One month-end of the outstanding-points trend. */
export function pointsOutstandingAt(availablePoints: number) {
  return resultOf(availablePoints, "points", {});
}
