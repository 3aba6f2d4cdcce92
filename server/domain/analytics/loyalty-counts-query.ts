// Coupon counts and points balances for a period, whole and month by month (the trend lines of the loyalty measures).
import type { PgPool } from "../../db/create-pg-pool.js";
import type { CouponCounts } from "./loyalty-measures.js";
import { periodMonthsCte, periodParams, type DayPeriod, type PeriodMonth } from "./period-sql.js";

// k = 0 is the whole period: a month index 1..n (width_bucket of the timestamp) is inside it.
const couponCountsSql = `WITH ${periodMonthsCte},
months_and_total AS (SELECT k, month, first_day, last_day FROM months UNION ALL SELECT 0, '', $2::date, $3::date),
dated AS (
  SELECT c.status, c.redeemed_revenue, width_bucket(c.created_at, moments.at) AS created_k,
         width_bucket(c.redeemed_at, moments.at) AS redeemed_k, array_length(moments.at, 1) - 1 AS n
  FROM bounds, moments, coupon c
  WHERE c.shop_id = $1 AND ((c.created_at >= bounds.starts AND c.created_at < bounds.ends)
                            OR (c.redeemed_at >= bounds.starts AND c.redeemed_at < bounds.ends)))
SELECT m.k, m.month, m.first_day::text, m.last_day::text,
  count(d.*) FILTER (WHERE d.status IN ('issued', 'redeemed') AND d.created_k BETWEEN 1 AND d.n
                     AND (m.k = 0 OR d.created_k = m.k))::int AS issued,
  count(d.*) FILTER (WHERE d.status = 'redeemed' AND d.created_k BETWEEN 1 AND d.n
                     AND (m.k = 0 OR d.created_k = m.k))::int AS redeemed,
  count(d.*) FILTER (WHERE d.status = 'redeemed' AND d.redeemed_k BETWEEN 1 AND d.n
                     AND (m.k = 0 OR d.redeemed_k = m.k))::int AS redemptions_in_period,
  COALESCE(sum(d.redeemed_revenue) FILTER (WHERE d.status = 'redeemed' AND d.redeemed_k BETWEEN 1 AND d.n
                     AND (m.k = 0 OR d.redeemed_k = m.k)), 0)::text AS redeemed_revenue
FROM months_and_total m LEFT JOIN dated d ON true
GROUP BY m.k, m.month, m.first_day, m.last_day ORDER BY m.k`;

// Spendable points at each month's end: per customer, the running sum of available ledger entries (what
// points_balance caches); a negative balance after a clawback is owed to nobody, so only positive parts are summed.
// Each (customer, month) row adds the change of that customer's positive part; month j's total is the sum up to j.
const pointsByMonthSql = `WITH ${periodMonthsCte},
deltas AS (
  SELECT e.customer_id, width_bucket(e.created_at, moments.at) AS k, sum(e.points) AS points
  FROM bounds, ledger_entry e, moments
  WHERE e.shop_id = $1 AND e.status = 'available' AND e.created_at < bounds.ends
  GROUP BY 1, 2),
balances AS (
  SELECT customer_id, k, sum(points) OVER (PARTITION BY customer_id ORDER BY k) AS balance FROM deltas),
changes AS (
  SELECT k, GREATEST(balance, 0)
            - GREATEST(COALESCE(lag(balance) OVER (PARTITION BY customer_id ORDER BY k), 0), 0) AS change
  FROM balances)
SELECT m.k, m.month, m.first_day::text, m.last_day::text,
  (SELECT COALESCE(sum(change), 0) FROM changes WHERE changes.k <= m.k)::int AS available_points
FROM months m ORDER BY m.k`;

interface MonthRow {
  k: number;
  month: string;
  first_day: string;
  last_day: string;
}

const monthOf = (row: MonthRow): PeriodMonth => ({ month: row.month, from: row.first_day, to: row.last_day });

export type MonthCouponCounts = PeriodMonth & { counts: CouponCounts };

export async function queryCouponCounts(pool: PgPool, shopId: number, period: DayPeriod) {
  const { rows } = await pool.query<
    MonthRow & { issued: number; redeemed: number; redemptions_in_period: number; redeemed_revenue: string }
  >(couponCountsSql, periodParams(shopId, period));
  const countsOf = (row: (typeof rows)[number]): CouponCounts => ({
    issued: row.issued,
    redeemed: row.redeemed,
    redemptionsInPeriod: row.redemptions_in_period,
    redeemedRevenue: row.redeemed_revenue,
  });
  const [total, ...months] = rows;
  if (!total) throw new Error("coupon counts returned no row");
  return {
    total: countsOf(total),
    months: months.map((row): MonthCouponCounts => ({ ...monthOf(row), counts: countsOf(row) })),
  };
}

export type MonthPoints = PeriodMonth & { availablePoints: number };

export async function queryPointsByMonth(pool: PgPool, shopId: number, period: DayPeriod): Promise<MonthPoints[]> {
  const { rows } = await pool.query<MonthRow & { available_points: number }>(
    pointsByMonthSql,
    periodParams(shopId, period),
  );
  return rows.map((row) => ({ ...monthOf(row), availablePoints: row.available_points }));
}
