// The period's order counts, whole and month by month, in one query over the precomputed customer facts.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { PeriodOrderCounts } from "./order-measures.js";
import {
  counted,
  netOf,
  periodMonthsCte,
  periodParams,
  refundsCte,
  type DayPeriod,
  type PeriodMonth,
} from "./period-sql.js";

// customer_months: one row per (month, customer) with their counted orders and net revenue; guests fold into one
// row per month. first_orders: new customers per month, from customer_first_order (a customer is new in the month of
// their first counted order). Every customer ordering in a month either is new in it or had ordered before, and only
// a new customer's first order is not a repeat: returning = ordering - new, repeat orders = customer orders - new.
// span_counts/active: customers active at each month's start and at the period's end, from customer_active_span
// (active at M when starts_after < M <= ends_at): those opened before M minus those closed before M.
/** What a measure needs counted: order sums, customers (distinct, per month), new customers, active customers. */
export interface OrderCountsNeed {
  orders: "none" | "sums" | "customers";
  newCustomers: boolean;
  active: boolean;
}

export const everyCount: OrderCountsNeed = { orders: "customers", newCustomers: true, active: true };

// Order sums alone need no row per customer: customers fold into one row per month (guests into another).
const orderSumsCte = `customer_months AS MATERIALIZED (
  SELECT width_bucket(o.shopify_created_at, moments.at) AS k, CASE WHEN o.customer_id IS NULL THEN NULL ELSE 0 END
         AS customer_id, count(*) AS orders, sum(${netOf("o", "r")}) AS net
  FROM bounds, moments, "order" o
  LEFT JOIN refunds r ON r.shopify_order_id = o.shopify_order_id
  WHERE o.shop_id = $1 AND o.shopify_created_at >= bounds.starts AND o.shopify_created_at < bounds.ends
    AND ${counted("o")}
  GROUP BY 1, 2),
`;

// Stand-ins for the parts a measure does not need: same columns, no rows.
const skipped = {
  orders: `customer_months AS (SELECT 0 AS k, NULL::int AS customer_id, 0::bigint AS orders, 0::numeric AS net WHERE false),
`,
  newCustomers: `first_orders AS (SELECT 0 AS k, 0 AS n WHERE false),
`,
  active: `span_counts AS (SELECT 0 AS opened, 0 AS closed, 0::bigint AS n WHERE false),
`,
};

const customerMonthsCte = `customer_months AS MATERIALIZED (
  SELECT width_bucket(o.shopify_created_at, moments.at) AS k, o.customer_id, count(*) AS orders,
         sum(${netOf("o", "r")}) AS net
  FROM bounds, moments, "order" o
  LEFT JOIN refunds r ON r.shopify_order_id = o.shopify_order_id
  WHERE o.shop_id = $1 AND o.shopify_created_at >= bounds.starts AND o.shopify_created_at < bounds.ends
    AND ${counted("o")}
  GROUP BY 1, 2),
`;

const firstOrdersCte = `first_orders AS MATERIALIZED (
  SELECT width_bucket(f.ordered_at, moments.at) AS k, count(*)::int AS n
  FROM bounds, moments, customer_first_order f
  WHERE f.shop_id = $1 AND f.ordered_at >= bounds.starts AND f.ordered_at < bounds.ends
  GROUP BY 1),
`;

const spanCountsCte = `span_counts AS MATERIALIZED (
  SELECT width_bucket(s.starts_after, moments.at) AS opened, width_bucket(s.ends_at, moments.at) AS closed,
         count(*) AS n
  FROM moments, customer_active_span s
  WHERE s.shop_id = $1 AND s.starts_after < moments.at[array_upper(moments.at, 1)] AND s.ends_at >= moments.at[1]
  GROUP BY 1, 2),
`;

const resultSql = `active AS MATERIALIZED (
  SELECT i, (COALESCE(sum(s.n) FILTER (WHERE s.opened < i), 0)
             - COALESCE(sum(s.n) FILTER (WHERE s.closed < i), 0))::int AS customers
  FROM moments CROSS JOIN generate_subscripts(moments.at, 1) i LEFT JOIN span_counts s ON true
  GROUP BY i),
month_totals AS (
  SELECT k, sum(orders) AS orders, sum(net) AS net, sum(orders) FILTER (WHERE customer_id IS NOT NULL) AS customer_orders,
         count(customer_id) AS customers_ordering
  FROM customer_months GROUP BY k)
SELECT 0 AS k, '' AS month, $2::date::text AS first_day, $3::date::text AS last_day,
  COALESCE((SELECT sum(orders) FROM month_totals), 0)::int AS orders,
  COALESCE((SELECT sum(net) FROM month_totals), 0)::text AS net_revenue,
  COALESCE((SELECT sum(customer_orders) FROM month_totals), 0)::int AS customer_orders,
  (SELECT count(DISTINCT customer_id) FROM customer_months)::int AS customers_ordering,
  COALESCE((SELECT sum(n) FROM first_orders), 0)::int AS new_customers,
  (SELECT customers FROM active WHERE i = 1) AS customers_at_start,
  (SELECT customers FROM active ORDER BY i DESC LIMIT 1) AS customers_at_end
UNION ALL
SELECT m.k, m.month, m.first_day::text, m.last_day::text,
  COALESCE(t.orders, 0)::int, COALESCE(t.net, 0)::text, COALESCE(t.customer_orders, 0)::int,
  COALESCE(t.customers_ordering, 0)::int, COALESCE(f.n, 0),
  (SELECT customers FROM active WHERE i = m.k), (SELECT customers FROM active WHERE i = m.k + 1)
FROM months m LEFT JOIN month_totals t ON t.k = m.k LEFT JOIN first_orders f ON f.k = m.k
ORDER BY k`;

function orderCountsSql(need: OrderCountsNeed): string {
  const orders = { none: skipped.orders, sums: orderSumsCte, customers: customerMonthsCte }[need.orders];
  const firstOrders = need.newCustomers ? firstOrdersCte : skipped.newCustomers;
  const spans = need.active ? spanCountsCte : skipped.active;
  return `WITH ${periodMonthsCte}, ${refundsCte},\n${orders}${firstOrders}${spans}${resultSql}`;
}

const sqlByNeed = new Map<string, string>();
const sqlFor = (need: OrderCountsNeed) => {
  const key = JSON.stringify(need);
  const sql = sqlByNeed.get(key) ?? orderCountsSql(need);
  sqlByNeed.set(key, sql);
  return sql;
};

interface OrderCountsRow {
  k: number;
  month: string;
  first_day: string;
  last_day: string;
  orders: number;
  net_revenue: string;
  customer_orders: number;
  customers_ordering: number;
  new_customers: number;
  customers_at_start: number;
  customers_at_end: number;
}

/** Counts a measure did not ask for are left at zero (its parts never show them). */
function countsOf(row: OrderCountsRow, need: OrderCountsNeed): PeriodOrderCounts {
  const customers = need.orders === "customers" ? row.customers_ordering : 0;
  return {
    orders: row.orders,
    netRevenue: row.net_revenue,
    customerOrders: row.customer_orders,
    // Only a customer's first counted order is not a repeat, and it falls in the period exactly when they are new.
    repeatOrders: row.customer_orders - row.new_customers,
    customersOrdering: customers,
    returningCustomers: Math.max(0, customers - row.new_customers),
    customersAtStart: row.customers_at_start,
    customersAtEnd: row.customers_at_end,
    // Customers whose first counted order falls in the period: acquired in it.
    newCustomers: row.new_customers,
  };
}

export type MonthOrderCounts = PeriodMonth & { counts: PeriodOrderCounts };

export interface OrderCountsByMonth {
  total: PeriodOrderCounts;
  months: MonthOrderCounts[];
}

export async function queryOrderCounts(
  pool: PgPool,
  shopId: number,
  period: DayPeriod,
  need: OrderCountsNeed = everyCount,
): Promise<OrderCountsByMonth> {
  const { rows } = await pool.query<OrderCountsRow>(sqlFor(need), periodParams(shopId, period));
  const [total, ...months] = rows;
  if (!total) throw new Error("order counts returned no row");
  return {
    total: countsOf(total, need),
    months: months.map((row) => ({
      month: row.month,
      from: row.first_day,
      to: row.last_day,
      counts: countsOf(row, need),
    })),
  };
}
