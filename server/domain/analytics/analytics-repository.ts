// The SQL behind the measures: PostgreSQL aggregates a period's orders so Node only ever sees a few numbers.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { CouponCounts, PointsTotals } from "./loyalty-measures.js";
import type { PeriodOrderCounts } from "./order-measures.js";
import type { RevenueConcentration, RfmCell } from "./rfm-segments.js";

/** A period of calendar days in the shop's time zone, both included. */
export interface DayPeriod {
  from: string;
  to: string;
  timeZone: string;
}

// Columns hold UTC without a zone (as Prisma writes them): [from 00:00, the day after to 00:00) in the shop's zone.
const boundsCte = `bounds AS (
  SELECT (($2::date)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC' AS starts,
         (($3::date + 1)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC' AS ends)`;

/** An order counts unless it was cancelled or voided; it is dated by Shopify's created_at. */
const counted = (alias: string) =>
  `${alias}.cancelled_at IS NULL AND ${alias}.financial_status IS DISTINCT FROM 'voided'`;

// The period's counted orders with net revenue (subtotal after discounts minus refunded subtotals; nothing once
// fully refunded, never below zero) and whether
// the customer had a counted order before this one (ties on the same second broken by our id).
const periodOrdersCte = `${boundsCte},
period_orders AS (
  SELECT o.id, o.customer_id, o.shopify_created_at AS at,
         CASE WHEN o.financial_status = 'refunded' THEN 0
              ELSE GREATEST(0, o.subtotal_price - COALESCE(refunds.total, 0)) END AS net,
         o.customer_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM "order" e
           WHERE e.customer_id = o.customer_id AND ${counted("e")}
             AND (e.shopify_created_at, e.id) < (o.shopify_created_at, o.id)) AS repeat
  FROM bounds, "order" o
  LEFT JOIN LATERAL (
    SELECT sum(r.subtotal) AS total FROM loyalty_refund r
    WHERE r.shop_id = o.shop_id AND r.shopify_order_id = o.shopify_order_id) refunds ON true
  WHERE o.shop_id = $1 AND o.shopify_created_at >= bounds.starts AND o.shopify_created_at < bounds.ends
    AND ${counted("o")}),
period_customers AS (
  SELECT customer_id, count(*) AS orders, count(*) FILTER (WHERE repeat) AS repeat_orders,
         max(at) AS last_at, sum(net) AS revenue
  FROM period_orders WHERE customer_id IS NOT NULL GROUP BY customer_id)`;

const activeCustomersAt = (moment: string) => `(
  SELECT count(DISTINCT o.customer_id) FROM bounds, "order" o
  WHERE o.shop_id = $1 AND o.customer_id IS NOT NULL AND ${counted("o")}
    AND o.shopify_created_at >= ${moment} - interval '365 days' AND o.shopify_created_at < ${moment})::int`;

const orderCountsSql = `WITH ${periodOrdersCte}
SELECT
  (SELECT count(*) FROM period_orders)::int AS orders,
  (SELECT COALESCE(sum(net), 0) FROM period_orders)::text AS net_revenue,
  (SELECT COALESCE(sum(orders), 0) FROM period_customers)::int AS customer_orders,
  (SELECT COALESCE(sum(repeat_orders), 0) FROM period_customers)::int AS repeat_orders,
  (SELECT count(*) FROM period_customers)::int AS customers_ordering,
  (SELECT count(*) FROM period_customers c WHERE EXISTS (
     SELECT 1 FROM bounds, "order" e
     WHERE e.customer_id = c.customer_id AND ${counted("e")} AND e.shopify_created_at < bounds.starts))::int
    AS returning_customers,
  ${activeCustomersAt("bounds.starts")} AS customers_at_start,
  ${activeCustomersAt("bounds.ends")} AS customers_at_end`;

// Quintile score 1 + floor(5 (rank - 1) / n): rank 1 is the oldest last order, fewest orders, least revenue.
const rfmSql = `WITH ${periodOrdersCte},
ranked AS (
  SELECT revenue, count(*) OVER () AS n,
         rank() OVER (ORDER BY last_at) AS r_rank,
         rank() OVER (ORDER BY orders) AS f_rank,
         rank() OVER (ORDER BY revenue) AS m_rank
  FROM period_customers)
SELECT (1 + (5 * (r_rank - 1)) / n)::int AS recency, (1 + (5 * (f_rank - 1)) / n)::int AS frequency,
       (1 + (5 * (m_rank - 1)) / n)::int AS monetary, count(*)::int AS customers, sum(revenue)::text AS revenue
FROM ranked GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const concentrationSql = `WITH ${periodOrdersCte},
ordered AS (
  SELECT revenue, row_number() OVER (ORDER BY revenue DESC, customer_id) AS position, count(*) OVER () AS n
  FROM period_customers)
SELECT count(*)::int AS customers,
       count(*) FILTER (WHERE position <= ceil(n * 0.2))::int AS top_customers,
       COALESCE(sum(revenue) FILTER (WHERE position <= ceil(n * 0.2)), 0)::text AS top_revenue,
       COALESCE(sum(revenue), 0)::text AS total_revenue
FROM ordered`;

const couponCountsSql = `WITH ${boundsCte}
SELECT
  count(*) FILTER (WHERE c.status IN ('issued', 'redeemed') AND c.created_at >= bounds.starts
                   AND c.created_at < bounds.ends)::int AS issued,
  count(*) FILTER (WHERE c.status = 'redeemed' AND c.created_at >= bounds.starts
                   AND c.created_at < bounds.ends)::int AS redeemed,
  count(*) FILTER (WHERE c.status = 'redeemed' AND c.redeemed_at >= bounds.starts
                   AND c.redeemed_at < bounds.ends)::int AS redemptions_in_period,
  COALESCE(sum(c.redeemed_revenue) FILTER (WHERE c.status = 'redeemed' AND c.redeemed_at >= bounds.starts
                   AND c.redeemed_at < bounds.ends), 0)::text AS redeemed_revenue
FROM bounds, coupon c WHERE c.shop_id = $1`;

const pointsSql = `
SELECT COALESCE(sum(points_balance) FILTER (WHERE points_balance > 0), 0)::int AS available_points,
       COALESCE(sum(pending_points) FILTER (WHERE pending_points > 0), 0)::int AS pending_points,
       count(*) FILTER (WHERE points_balance > 0 OR pending_points > 0)::int AS customers_with_points,
       (SELECT points_per_currency_unit FROM redemption_settings WHERE shop_id = $1) AS rate
FROM customer WHERE shop_id = $1`;

interface OrderCountsRow {
  orders: number;
  net_revenue: string;
  customer_orders: number;
  repeat_orders: number;
  customers_ordering: number;
  returning_customers: number;
  customers_at_start: number;
  customers_at_end: number;
}

function orderCountsOf(row: OrderCountsRow): PeriodOrderCounts {
  return {
    orders: row.orders,
    netRevenue: row.net_revenue,
    customerOrders: row.customer_orders,
    repeatOrders: row.repeat_orders,
    customersOrdering: row.customers_ordering,
    returningCustomers: row.returning_customers,
    customersAtStart: row.customers_at_start,
    customersAtEnd: row.customers_at_end,
    // Customers ordering in the period without an earlier order: acquired in it.
    newCustomers: row.customers_ordering - row.returning_customers,
  };
}

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
    (await pool.query<Row>(sql, [shopId, period.from, period.to, period.timeZone])).rows;
  return {
    async orderCounts(shopId: number, period: DayPeriod): Promise<PeriodOrderCounts> {
      const [row] = await run<OrderCountsRow>(orderCountsSql, shopId, period);
      if (!row) throw new Error("order counts returned no row");
      return orderCountsOf(row);
    },
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
    async couponCounts(shopId: number, period: DayPeriod): Promise<CouponCounts> {
      const [row] = await run<{
        issued: number;
        redeemed: number;
        redemptions_in_period: number;
        redeemed_revenue: string;
      }>(couponCountsSql, shopId, period);
      return {
        issued: row?.issued ?? 0,
        redeemed: row?.redeemed ?? 0,
        redemptionsInPeriod: row?.redemptions_in_period ?? 0,
        redeemedRevenue: row?.redeemed_revenue ?? "0",
      };
    },
    /** Points are a balance now, not a flow over a period. */
    async pointsTotals(shopId: number): Promise<PointsTotals> {
      return pointsTotalsOf((await pool.query<PointsRow>(pointsSql, [shopId])).rows[0]);
    },
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
