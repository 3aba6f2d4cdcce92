// One measure (or all of them) for a shop and period: repository counts through the pure measure functions.
import { z } from "zod";
import type { NpsResponseRepository } from "../nps/nps-response-repository.js";
import { npsPeriodSchema, npsReport } from "../nps/nps-report.js";
import { calendarDay } from "../shops/calendar-day.js";
import type { AnalyticsRepository, DayPeriod } from "./analytics-repository.js";
import { couponRedemptionRate, couponRevenue, pointsLiability, pointsOutstanding } from "./loyalty-measures.js";
import {
  definitionOf,
  groundRules,
  measureNames,
  type AdminLanguage,
  type MeasureName,
} from "./measure-definitions.js";
import { resultOf, type MeasureResult } from "./measure-result.js";
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

const fromOrders =
  (measure: (counts: Awaited<ReturnType<AnalyticsRepository["orderCounts"]>>) => MeasureResult<object>): Compute =>
  async (deps, shop, period) =>
    measure(await deps.analytics.orderCounts(shop.id, period));

const computations: Record<MeasureName, Compute> = {
  "customer-retention-rate": fromOrders(customerRetentionRate),
  "repeat-purchase-rate": fromOrders(repeatPurchaseRate),
  "returning-customer-rate": fromOrders(returningCustomerRate),
  "purchase-frequency": fromOrders(purchaseFrequency),
  "average-order-value": fromOrders(averageOrderValue),
  "customer-lifetime-value": fromOrders(customerLifetimeValue),
  nps: async (deps, shop, period) => {
    const { score, promoters, passives, detractors, responses, byMonth } = await npsReport(
      deps.npsResponses,
      shop,
      { from: period.from, to: period.to },
      new Date(),
    );
    return resultOf(score, "score", { promoters, passives, detractors, responses, byMonth });
  },
  "coupon-redemption-rate": async (deps, shop, period) =>
    couponRedemptionRate(await deps.analytics.couponCounts(shop.id, period)),
  "coupon-revenue": async (deps, shop, period) => couponRevenue(await deps.analytics.couponCounts(shop.id, period)),
  "points-outstanding": async (deps, shop) => pointsOutstanding(await deps.analytics.pointsTotals(shop.id)),
  "points-liability": async (deps, shop) => pointsLiability(await deps.analytics.pointsTotals(shop.id)),
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

/** Every measure for one period; order measures share one query. */
export async function analyticsSummary(deps: AnalyticsDeps, shop: ShopRef, query: AnalyticsQuery, now: Date) {
  const period = periodOf(shop, query, now);
  const orderCounts = await deps.analytics.orderCounts(shop.id, period);
  const cached: AnalyticsDeps = {
    ...deps,
    analytics: { ...deps.analytics, orderCounts: () => Promise.resolve(orderCounts) },
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
