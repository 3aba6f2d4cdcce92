// The dashboard's answers: GET /api/analytics/summary (every measure for a period) and GET /api/import (history import).

export const measureNames = [
  "customer-retention-rate",
  "repeat-purchase-rate",
  "returning-customer-rate",
  "purchase-frequency",
  "average-order-value",
  "customer-lifetime-value",
  "nps",
  "coupon-redemption-rate",
  "coupon-revenue",
  "points-outstanding",
  "points-liability",
  "rfm-segments",
  "top-customer-revenue-share",
] as const;

export type MeasureName = (typeof measureNames)[number];

export const segmentNames = ["champions", "loyal", "at_risk", "new", "hibernating", "lost"] as const;
export type SegmentName = (typeof segmentNames)[number];

/** A month of a trend: `series` on measures that have one (value), or NPS's `parts.byMonth` (score). */
export interface MonthPoint {
  month: string;
  score?: number | null;
  value?: number | string | null;
  responses?: number;
}

export interface Measure {
  measure: MeasureName;
  value: number | string | null;
  /** Set when value is null: "not enough data", possibly with why. */
  reason?: string;
  unit: string;
  definition: string;
  /** The measure month by month over the period, for measures with a trend line. */
  series?: MonthPoint[];
  parts: Record<string, unknown> & {
    segments?: { segment: SegmentName; customers: number; share: number | null; revenue: string }[];
    byMonth?: MonthPoint[];
  };
}

export interface AnalyticsSummary {
  from: string;
  to: string;
  groundRules: string;
  measures: Measure[];
}

export interface HistoryImport {
  status: "waiting" | "importing" | "completed" | "failed";
  /** 0..1, or null while Shopify has not said how many lines the export holds. */
  progress: number | null;
  linesDone: number;
  objectCount: number | null;
  customersImported: number;
  ordersImported: number;
  lastError: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImportAnswer {
  import: HistoryImport | null;
}
