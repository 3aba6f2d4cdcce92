// One measure (or all of them) for a shop and period: repository counts through the pure measure functions.
import { z } from "zod";
import type { NpsResponseRepository } from "../nps/nps-response-repository.js";
import { npsPeriodSchema, npsReport } from "../nps/nps-report.js";
import { calendarDay } from "../shops/calendar-day.js";
import type { AnalyticsRepository, DayPeriod } from "./analytics-repository.js";
import {
  couponRedemptionRate,
  couponRevenue,
  pointsLiability,
  pointsLiabilityAt,
  pointsOutstanding,
  pointsOutstandingAt,
  type PointsTotals,
} from "./loyalty-measures.js";
import {
  definitionOf,
  groundRules,
  measureNames,
  type AdminLanguage,
  type MeasureName,
} from "./measure-definitions.js";
import { resultOf, type MeasureResult } from "./measure-result.js";
import { monthWithin, seriesOf, seriesPoint } from "./measure-series.js";
import { everyCount, type OrderCountsNeed } from "./order-counts-query.js";
import {
  averageOrderValue,
  customerLifetimeValue,
  customerRetentionRate,
  purchaseFrequency,
  repeatPurchaseRate,
  returningCustomerRate,
} from "./order-measures.js";
import { rfmSegments, topCustomerRevenueShare } from "./rfm-segments.js";

export const measureNameSchema = z.enum(measureNames, { message: "is not a measure Afterglow reports" });

/** The NPS period rules (both ends optional, default the last twelve months, at most ten years) plus a language. */
export const analyticsQuerySchema = z.intersection(
  npsPeriodSchema,
  z.object({
    language: z.enum(["en", "id", "fil"], { message: "must be en, id or fil" }).default("en"),
    format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
  }),
);
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export interface AnalyticsDeps {
  analytics: AnalyticsRepository;
  npsResponses: NpsResponseRepository;
}

export interface MeasureReport extends MeasureResult<object> {
  measure: MeasureName;
  definition: string;
  from: string;
  to: string;
}

type ShopRef = { id: number; ianaTimezone: string | null };
type Compute = (deps: AnalyticsDeps, shop: ShopRef, period: DayPeriod) => Promise<MeasureResult<object>>;
type OrderCounts = Awaited<ReturnType<AnalyticsRepository["orderCounts"]>>["total"];
type CouponTotals = Awaited<ReturnType<AnalyticsRepository["couponCounts"]>>["total"];

/** A measure of the period's order counts (only the ones it reads are counted); `trend` adds its monthly series. */
const fromOrders =
  (measure: (counts: OrderCounts) => MeasureResult<object>, need: OrderCountsNeed, trend = true): Compute =>
  async (deps, shop, period) => {
    const counts = await deps.analytics.orderCounts(shop.id, period, need);
    const result = measure(counts.total);
    return trend ? { ...result, series: seriesOf(counts.months, measure) } : result;
  };

const fromCoupons =
  (measure: (counts: CouponTotals) => MeasureResult<object>): Compute =>
  async (deps, shop, period) => {
    const counts = await deps.analytics.couponCounts(shop.id, period);
    return { ...measure(counts.total), series: seriesOf(counts.months, measure) };
  };

const fromPoints =
  (
    measure: (totals: PointsTotals) => MeasureResult<object>,
    atMonthEnd: (points: number, rate: number) => MeasureResult<object>,
  ): Compute =>
  async (deps, shop, period) => {
    const [totals, months] = await Promise.all([
      deps.analytics.pointsTotals(shop.id),
      deps.analytics.pointsByMonth(shop.id, period),
    ]);
    const series = months.map((month) =>
      seriesPoint(month, atMonthEnd(month.availablePoints, totals.pointsPerCurrencyUnit)),
    );
    return { ...measure(totals), series };
  };

const nps: Compute = async (deps, shop, period) => {
  const { score, promoters, passives, detractors, responses, byMonth } = await npsReport(
    deps.npsResponses,
    shop,
    { from: period.from, to: period.to },
    new Date(),
  );
  const series = byMonth.map((month) =>
    seriesPoint(
      monthWithin(month.month, period.from, period.to),
      resultOf(month.score, "score", { responses: month.responses }),
    ),
  );
  return { ...resultOf(score, "score", { promoters, passives, detractors, responses, byMonth }), series };
};

const computations: Record<MeasureName, Compute> = {
  "customer-retention-rate": fromOrders(customerRetentionRate, { orders: "none", newCustomers: true, active: true }),
  "repeat-purchase-rate": fromOrders(repeatPurchaseRate, { orders: "sums", newCustomers: true, active: false }),
  "returning-customer-rate": fromOrders(returningCustomerRate, {
    orders: "customers",
    newCustomers: true,
    active: false,
  }),
  "purchase-frequency": fromOrders(purchaseFrequency, { orders: "customers", newCustomers: false, active: false }),
  "average-order-value": fromOrders(averageOrderValue, { orders: "sums", newCustomers: false, active: false }),
  // A lifetime estimate from one month's churn says little: the whole period only.
  "customer-lifetime-value": fromOrders(customerLifetimeValue, everyCount, false),
  nps,
  "coupon-redemption-rate": fromCoupons(couponRedemptionRate),
  "coupon-revenue": fromCoupons(couponRevenue),
  "points-outstanding": fromPoints(pointsOutstanding, (points) => pointsOutstandingAt(points)),
  "points-liability": fromPoints(pointsLiability, pointsLiabilityAt),
  "rfm-segments": async (deps, shop, period) => rfmSegments(await deps.analytics.rfmCells(shop.id, period)),
  "top-customer-revenue-share": async (deps, shop, period) =>
    topCustomerRevenueShare(await deps.analytics.revenueConcentration(shop.id, period)),
};

/** The period's ends: given, or the twelve whole months up to today in the shop's time zone (as GET /api/nps). */
function periodOf(shop: ShopRef, query: AnalyticsQuery, now: Date): DayPeriod {
  const timeZone = shop.ianaTimezone ?? "UTC";
  const to = query.to ?? calendarDay(now, timeZone);
  if (query.from) return { from: query.from, to, timeZone };
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const from = `${month === 12 ? year : year - 1}-${String((month % 12) + 1).padStart(2, "0")}-01`;
  return { from, to, timeZone };
}

export async function measureReport(
  deps: AnalyticsDeps,
  shop: ShopRef,
  measure: MeasureName,
  query: AnalyticsQuery,
  now: Date,
): Promise<MeasureReport> {
  const period = periodOf(shop, query, now);
  const result = await computations[measure](deps, shop, period);
  return { measure, ...result, definition: definitionOf(measure, query.language), from: period.from, to: period.to };
}

/** Every measure for one period; measures fed by the same counts share one query. */
export async function analyticsSummary(deps: AnalyticsDeps, shop: ShopRef, query: AnalyticsQuery, now: Date) {
  const period = periodOf(shop, query, now);
  const [orderCounts, couponCounts, pointsTotals, pointsByMonth] = await Promise.all([
    deps.analytics.orderCounts(shop.id, period),
    deps.analytics.couponCounts(shop.id, period),
    deps.analytics.pointsTotals(shop.id),
    deps.analytics.pointsByMonth(shop.id, period),
  ]);
  const cached: AnalyticsDeps = {
    ...deps,
    analytics: {
      ...deps.analytics,
      orderCounts: () => Promise.resolve(orderCounts),
      couponCounts: () => Promise.resolve(couponCounts),
      pointsTotals: () => Promise.resolve(pointsTotals),
      pointsByMonth: () => Promise.resolve(pointsByMonth),
    },
  };
  const measures = await Promise.all(
    measureNames.map(async (measure) => ({
      measure,
      ...(await computations[measure](cached, shop, period)),
      definition: definitionOf(measure, query.language),
    })),
  );
  return { from: period.from, to: period.to, groundRules: groundRules[query.language as AdminLanguage], measures };
}
