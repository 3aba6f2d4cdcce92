// The SQL behind the measures: PostgreSQL aggregates a period's orders so Node only ever sees a few numbers.
import type { PgPool } from "../../db/create-pg-pool.js";
import { queryCouponCounts, queryPointsByMonth } from "./loyalty-counts-query.js";
import type { PointsTotals } from "./loyalty-measures.js";
import { queryOrderCounts, type OrderCountsNeed } from "./order-counts-query.js";
import { counted, netOf, periodMonthsCte, periodParams, refundsCte, type DayPeriod } from "./period-sql.js";
import type { RevenueConcentration, RfmCell } from "./rfm-segments.js";

export type { DayPeriod } from "./period-sql.js";

// Each customer's counted orders in the period: how many, the last one's time and their net revenue.
const periodCustomersCte = `${periodMonthsCte}, ${refundsCte},
period_customers AS (
  SELECT o.customer_id, count(*) AS orders, max(o.shopify_created_at) AS last_at, sum(${netOf("o", "r")}) AS revenue
  FROM bounds, "order" o
  LEFT JOIN refunds r ON r.shopify_order_id = o.shopify_order_id
  WHERE o.shop_id = $1 AND o.shopify_created_at >= bounds.starts AND o.shopify_created_at < bounds.ends
    AND o.customer_id IS NOT NULL AND ${counted("o")}
  GROUP BY o.customer_id)`;

// Quintile score 1 + floor(5 (rank - 1) / n): rank 1 is the oldest last order, fewest orders, least revenue.
const rfmSql = `WITH ${periodCustomersCte},
ranked AS (
  SELECT revenue, count(*) OVER () AS n,
         rank() OVER (ORDER BY last_at) AS r_rank,
         rank() OVER (ORDER BY orders) AS f_rank,
         rank() OVER (ORDER BY revenue) AS m_rank
  FROM period_customers)
SELECT (1 + (5 * (r_rank - 1)) / n)::int AS recency, (1 + (5 * (f_rank - 1)) / n)::int AS frequency,
       (1 + (5 * (m_rank - 1)) / n)::int AS monetary, count(*)::int AS customers, sum(revenue)::text AS revenue
FROM ranked GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const concentrationSql = `WITH ${periodCustomersCte},
ordered AS (
  SELECT revenue, row_number() OVER (ORDER BY revenue DESC, customer_id) AS position, count(*) OVER () AS n
  FROM period_customers)
SELECT count(*)::int AS customers,
       count(*) FILTER (WHERE position <= ceil(n * 0.2))::int AS top_customers,
       COALESCE(sum(revenue) FILTER (WHERE position <= ceil(n * 0.2)), 0)::text AS top_revenue,
       COALESCE(sum(revenue), 0)::text AS total_revenue
FROM ordered`;

const pointsSql = `
SELECT COALESCE(sum(points_balance) FILTER (WHERE points_balance > 0), 0)::int AS available_points,
       COALESCE(sum(pending_points) FILTER (WHERE pending_points > 0), 0)::int AS pending_points,
       count(*) FILTER (WHERE points_balance > 0 OR pending_points > 0)::int AS customers_with_points,
       (SELECT points_per_currency_unit FROM redemption_settings WHERE shop_id = $1) AS rate
FROM customer WHERE shop_id = $1`;

interface PointsRow {
  available_points: number;
  pending_points: number;
  customers_with_points: number;
  rate: number | null;
}

function pointsTotalsOf(row: PointsRow | undefined): PointsTotals {
  return {
    availablePoints: row?.available_points ?? 0,
    pendingPoints: row?.pending_points ?? 0,
    customersWithPoints: row?.customers_with_points ?? 0,
    pointsPerCurrencyUnit: row?.rate ?? 100,
    defaultRate: row?.rate === null || row?.rate === undefined,
  };
}

export function createAnalyticsRepository(pool: PgPool) {
  const run = async <Row extends object>(sql: string, shopId: number, period: DayPeriod) =>
    (await pool.query<Row>(sql, periodParams(shopId, period))).rows;
  return {
    /** The period's order counts, whole and per calendar month (only what `need` names; all by default). */
    orderCounts: (shopId: number, period: DayPeriod, need?: OrderCountsNeed) =>
      queryOrderCounts(pool, shopId, period, need),
    async rfmCells(shopId: number, period: DayPeriod): Promise<RfmCell[]> {
      return run<RfmCell>(rfmSql, shopId, period);
    },
    async revenueConcentration(shopId: number, period: DayPeriod): Promise<RevenueConcentration> {
      const [row] = await run<{ customers: number; top_customers: number; top_revenue: string; total_revenue: string }>(
        concentrationSql,
        shopId,
        period,
      );
      return {
        customers: row?.customers ?? 0,
        topCustomers: row?.top_customers ?? 0,
        topRevenue: row?.top_revenue ?? "0",
        totalRevenue: row?.total_revenue ?? "0",
      };
    },
    /** Coupon counts for the period, whole and per calendar month. */
    couponCounts: (shopId: number, period: DayPeriod) => queryCouponCounts(pool, shopId, period),
    /** Points are a balance now, not a flow over a period. */
    async pointsTotals(shopId: number): Promise<PointsTotals> {
      return pointsTotalsOf((await pool.query<PointsRow>(pointsSql, [shopId])).rows[0]);
    },
    /** Spendable points at the end of each month of the period (the balance's trend). */
    pointsByMonth: (shopId: number, period: DayPeriod) => queryPointsByMonth(pool, shopId, period),
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
