// RFM segmentation: recency, frequency and monetary scores (1-5 by quintile) named as segments, and revenue concentration.
import { centsOf, moneyOf, percentOf, resultOf } from "./measure-result.js";

export const segmentNames = ["champions", "loyal", "at_risk", "hibernating", "lost", "new"] as const;
export type SegmentName = (typeof segmentNames)[number];

/** How many customers (and their net revenue) got this score triple; the database scores and groups them. */
export interface RfmCell {
  recency: number;
  frequency: number;
  monetary: number;
  customers: number;
  revenue: string;
}

/**
 * Every (R, F, M) lands in exactly one segment:
 * champions R 4-5, F 4-5, M 4-5; loyal R 3-5, F 3-5 otherwise; at risk R 1-2, F 3-5;
 * new R 4-5, F 1-2; hibernating R 2-3, F 1-2; lost R 1, F 1-2.
 */
export function segmentOf(recency: number, frequency: number, monetary: number): SegmentName {
  if (frequency >= 3) {
    if (recency <= 2) return "at_risk";
    return recency >= 4 && frequency >= 4 && monetary >= 4 ? "champions" : "loyal";
  }
  if (recency >= 4) return "new";
  return recency === 1 ? "lost" : "hibernating";
}

/** Score 1-5 of the `rank`-th of `count` customers (rank 1 = lowest; ties share the lowest rank). */
export function quintileScore(rank: number, count: number): number {
  return count > 0 ? 1 + Math.floor((5 * (rank - 1)) / count) : 1;
}

export function rfmSegments(cells: readonly RfmCell[]) {
  const totals = new Map<SegmentName, { customers: number; cents: number }>(
    segmentNames.map((name) => [name, { customers: 0, cents: 0 }]),
  );
  for (const cell of cells) {
    const total = totals.get(segmentOf(cell.recency, cell.frequency, cell.monetary));
    if (!total) continue;
    total.customers += cell.customers;
    total.cents += centsOf(cell.revenue);
  }
  const customers = [...totals.values()].reduce((sum, total) => sum + total.customers, 0);
  const segments = segmentNames.map((name) => {
    const total = totals.get(name) ?? { customers: 0, cents: 0 };
    return {
      segment: name,
      customers: total.customers,
      share: percentOf(total.customers, customers),
      revenue: moneyOf(total.cents),
    };
  });
  return resultOf(customers > 0 ? customers : null, "customers", { segments });
}

export interface RevenueConcentration {
  /** Customers with a counted order in the period, and the first ceil(20%) of them by net revenue. */
  customers: number;
  topCustomers: number;
  topRevenue: string;
  totalRevenue: string;
}

/** Share of customers' net revenue that the top 20% of them brought; null without customers or revenue. */
export function topCustomerRevenueShare(input: RevenueConcentration) {
  const total = centsOf(input.totalRevenue);
  const value = input.customers > 0 && total > 0 ? percentOf(centsOf(input.topRevenue), total) : null;
  return resultOf(value, "percent", {
    customers: input.customers,
    topCustomers: input.topCustomers,
    topRevenue: moneyOf(centsOf(input.topRevenue)),
    totalRevenue: moneyOf(total),
  });
}
