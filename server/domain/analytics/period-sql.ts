// SQL pieces every period query shares: the period's ends and its calendar months, both in the shop's time zone.

/** A period of calendar days in the shop's time zone, both included. */
export interface DayPeriod {
  from: string;
  to: string;
  timeZone: string;
}

/** Query parameters: $1 shop id, $2 first day, $3 last day, $4 IANA time zone. */
export const periodParams = (shopId: number, period: DayPeriod) => [shopId, period.from, period.to, period.timeZone];

/**
 * Columns hold UTC without a zone (as Prisma writes them): the period is [from 00:00, the day after to 00:00) in the
 * shop's zone. `months` numbers the calendar months the period touches (k = 1..), cut to the period at both ends;
 * `moments` is the array of each month's first instant then the period's end, so width_bucket(at, moments.at) is the
 * month an instant falls in (0 before the period, the month count + 1 after it).
 */
export const periodMonthsCte = `bounds AS (
  SELECT (($2::date)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC' AS starts,
         (($3::date + 1)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC' AS ends),
months AS (
  SELECT row_number() OVER (ORDER BY m)::int AS k, to_char(m, 'YYYY-MM') AS month,
         greatest(m::date, $2::date) AS first_day, least((m + interval '1 month')::date - 1, $3::date) AS last_day
  FROM generate_series(date_trunc('month', $2::date::timestamp), $3::date::timestamp, interval '1 month') m),
moments AS (
  SELECT array_agg((first_day::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC' ORDER BY k)
         || (SELECT ends FROM bounds) AS at
  FROM months)`;

/** An order counts unless it was cancelled or voided; it is dated by Shopify's created_at. */
export const counted = (alias: string) =>
  `${alias}.cancelled_at IS NULL AND ${alias}.financial_status IS DISTINCT FROM 'voided'`;

/** Refunded subtotals per order (webhooks and the history import both record them in loyalty_refund). */
export const refundsCte = `refunds AS (
  SELECT shopify_order_id, sum(subtotal) AS total FROM loyalty_refund WHERE shop_id = $1 GROUP BY shopify_order_id)`;

/** Net revenue of order `o` joined to `r` (refunds): nothing once fully refunded, never below zero. */
export const netOf = (o: string, r: string) =>
  `CASE WHEN ${o}.financial_status = 'refunded' THEN 0
        ELSE GREATEST(0, ${o}.subtotal_price - COALESCE(${r}.total, 0)) END`;

/** One month of a period, for series: "YYYY-MM" and its first and last day within the period. */
export interface PeriodMonth {
  month: string;
  from: string;
  to: string;
}
