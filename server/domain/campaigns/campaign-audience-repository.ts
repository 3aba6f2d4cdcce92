// Who is due for each campaign: SQL over customers, orders and line items, in the shop's time zone, minus finished sends.
import type { PgPool } from "../../db/create-pg-pool.js";

/** A customer due for one campaign message in one period (the period key makes the send happen once). */
export interface CampaignCandidate {
  customerId: number;
  shopifyCustomerId: string;
  email: string;
  firstName: string | null;
  locale: string | null;
  tier: string | null;
  periodKey: string;
  /** Campaign facts for the template (days since the last order, the product to reorder, years as a customer). */
  facts: Record<string, string | number | null>;
}

const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
const localDate = (column: string, zoneParam: string) =>
  `((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${zoneParam})::date`;
const counted = (alias: string) =>
  `${alias}.cancelled_at IS NULL AND ${alias}.financial_status IS DISTINCT FROM 'voided'`;

// Only customers with an address and marketing consent now: no code or points are made for mail that may not go.
const reachable = `c.email IS NOT NULL AND c.email <> '' AND EXISTS (
  SELECT 1 FROM email_consent ec WHERE ec.shop_id = c.shop_id AND ec.email = lower(c.email) AND ec.state = 'subscribed')`;
const customerColumns = `c.id AS "customerId", c.shopify_customer_id::text AS "shopifyCustomerId", c.email,
  c.first_name AS "firstName", c.locale, c.tier`;
const notSent = (key: string) =>
  `NOT EXISTS (SELECT 1 FROM campaign_send s WHERE s.shop_id = c.shop_id AND s.period_key = ${key} AND s.email_id IS NOT NULL)`;

// $1 shop, $2 the lapse cut-off (last order before it), $3 the shop's time zone, $4 today in that zone.
const winbackSql = `
WITH last_order AS (
  SELECT DISTINCT ON (o.customer_id) o.customer_id, o.shopify_order_id, o.shopify_created_at
  FROM "order" o WHERE o.shop_id = $1 AND o.customer_id IS NOT NULL AND ${counted("o")}
  ORDER BY o.customer_id, o.shopify_created_at DESC, o.id DESC)
SELECT ${customerColumns}, 'winback:' || c.id || ':' || lo.shopify_order_id AS "periodKey",
       ($4::date - ${localDate("lo.shopify_created_at", "$3")}) AS "daysSince"
FROM last_order lo JOIN customer c ON c.id = lo.customer_id
WHERE lo.shopify_created_at < ${utc("$2")} AND ${reachable}
  AND ${notSent(`'winback:' || c.id || ':' || lo.shopify_order_id`)}
ORDER BY c.id`;

// $2/$3: the birthdays ("MM-DD") in the window and the year each one falls in.
const birthdaySql = `
SELECT ${customerColumns}, 'birthday:' || c.id || ':' || w.year AS "periodKey", w.mmdd AS "birthday"
FROM customer c JOIN unnest($2::text[], $3::int[]) AS w(mmdd, year) ON c.birthday = w.mmdd
WHERE c.shop_id = $1 AND ${reachable} AND ${notSent(`'birthday:' || c.id || ':' || w.year`)}
ORDER BY c.id`;

// The first counted order's local date; $2/$3 the anniversary days ("MM-DD", year) just passed, $4 the zone.
const anniversarySql = `
WITH first_order AS (
  SELECT o.customer_id, ${localDate("min(o.shopify_created_at)", "$4")} AS first_on
  FROM "order" o WHERE o.shop_id = $1 AND o.customer_id IS NOT NULL AND ${counted("o")} GROUP BY o.customer_id)
SELECT ${customerColumns}, 'anniversary:' || c.id || ':' || w.year AS "periodKey",
       (w.year - extract(year FROM f.first_on))::int AS "years", f.first_on::text AS "firstOrderOn"
FROM first_order f JOIN customer c ON c.id = f.customer_id
JOIN unnest($2::text[], $3::int[]) AS w(mmdd, year) ON to_char(f.first_on, 'MM-DD') = w.mmdd
WHERE extract(year FROM f.first_on) < w.year AND ${reachable}
  AND ${notSent(`'anniversary:' || c.id || ':' || w.year`)}
ORDER BY c.id`;

// Each customer's latest purchase of each configured product (variant when given), due when its interval is up.
const replenishmentSql = `
WITH p AS (SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::int[]) AS p(product_id, variant_id, days)),
latest AS (
  SELECT DISTINCT ON (li.customer_id, p.product_id, p.variant_id)
         li.customer_id, p.product_id, p.variant_id, p.days, li.shopify_order_id, li.title,
         ${localDate("li.ordered_at", "$5")} AS ordered_on
  FROM p JOIN order_line_item li ON li.shop_id = $1 AND li.product_id = p.product_id
   AND (p.variant_id IS NULL OR li.variant_id = p.variant_id) AND li.customer_id IS NOT NULL
  ORDER BY li.customer_id, p.product_id, p.variant_id, li.ordered_at DESC, li.shopify_order_id DESC)
SELECT ${customerColumns},
       'replenish:' || c.id || ':' || l.product_id || ':' || COALESCE(l.variant_id::text, 'any') || ':' || l.shopify_order_id
         AS "periodKey",
       l.title AS "productTitle", l.product_id::text AS "productId", l.ordered_on::text AS "orderedOn"
FROM latest l JOIN customer c ON c.id = l.customer_id
WHERE l.ordered_on + l.days <= $6::date AND ${reachable}
  AND ${notSent(`'replenish:' || c.id || ':' || l.product_id || ':' || COALESCE(l.variant_id::text, 'any') || ':' || l.shopify_order_id`)}
ORDER BY c.id`;

// Afterglow codes (thank-you coupons and campaign codes) still unredeemed that end between $2 and $3.
const expiringCouponSql = `
WITH codes AS (
  SELECT k.customer_id, k.code, k.ends_at FROM coupon k
  WHERE k.shop_id = $1 AND k.status = 'issued' AND k.redeemed_order_id IS NULL
    AND k.ends_at > ${utc("$2")} AND k.ends_at <= ${utc("$3")}
  UNION ALL
  SELECT s.customer_id, s.code, s.code_ends_at FROM campaign_send s
  WHERE s.shop_id = $1 AND s.code_status = 'issued' AND s.redeemed_order_id IS NULL
    AND s.code_ends_at > ${utc("$2")} AND s.code_ends_at <= ${utc("$3")})
SELECT ${customerColumns}, 'coupon-expiring:' || k.code AS "periodKey", k.code,
       ${localDate("k.ends_at", "$4")}::text AS "endsOn"
FROM codes k JOIN customer c ON c.id = k.customer_id
WHERE ${reachable} AND ${notSent(`'coupon-expiring:' || k.code`)}
ORDER BY c.id`;

// RFM over the 365 days before $2, scored 1-5 by quintile as the analytics measure does.
const rfmSql = `
WITH pc AS (
  SELECT o.customer_id, max(o.shopify_created_at) AS last_at, count(*) AS orders, sum(o.subtotal_price) AS revenue
  FROM "order" o WHERE o.shop_id = $1 AND o.customer_id IS NOT NULL AND ${counted("o")}
    AND o.shopify_created_at >= ${utc("$2")} - interval '365 days' AND o.shopify_created_at < ${utc("$2")}
  GROUP BY o.customer_id),
ranked AS (
  SELECT customer_id, count(*) OVER () AS n, rank() OVER (ORDER BY last_at) AS r_rank,
         rank() OVER (ORDER BY orders) AS f_rank, rank() OVER (ORDER BY revenue) AS m_rank FROM pc)
SELECT customer_id AS "customerId", (1 + (5 * (r_rank - 1)) / n)::int AS recency,
       (1 + (5 * (f_rank - 1)) / n)::int AS frequency, (1 + (5 * (m_rank - 1)) / n)::int AS monetary
FROM ranked WHERE customer_id = ANY($3::int[])`;

type Row = Omit<CampaignCandidate, "facts"> & Record<string, string | number | null>;

const candidateKeys = new Set(["customerId", "shopifyCustomerId", "email", "firstName", "locale", "tier", "periodKey"]);

function toCandidate(row: Row): CampaignCandidate {
  const facts: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(row)) if (!candidateKeys.has(key)) facts[key] = value;
  return {
    customerId: row.customerId,
    shopifyCustomerId: row.shopifyCustomerId,
    email: row.email,
    firstName: row.firstName,
    locale: row.locale,
    tier: row.tier,
    periodKey: row.periodKey,
    facts,
  };
}

export interface DayWindow {
  mmdd: string[];
  years: number[];
}

export interface ReplenishProduct {
  productId: string;
  variantId: string | null;
  days: number;
}

export function createCampaignAudienceRepository(pool: PgPool) {
  const run = async (sql: string, params: unknown[]) => (await pool.query<Row>(sql, params)).rows.map(toCandidate);
  return {
    winback: (shopId: number, lastOrderBefore: Date, timeZone: string, today: string) =>
      run(winbackSql, [shopId, lastOrderBefore.toISOString(), timeZone, today]),
    birthday: (shopId: number, window: DayWindow) => run(birthdaySql, [shopId, window.mmdd, window.years]),
    anniversary: (shopId: number, window: DayWindow, timeZone: string) =>
      run(anniversarySql, [shopId, window.mmdd, window.years, timeZone]),
    replenishment: (shopId: number, products: ReplenishProduct[], timeZone: string, today: string) =>
      products.length === 0
        ? Promise.resolve([])
        : run(replenishmentSql, [
            shopId,
            products.map((product) => product.productId),
            products.map((product) => product.variantId),
            products.map((product) => product.days),
            timeZone,
            today,
          ]),
    expiringCoupons: (shopId: number, from: Date, to: Date, timeZone: string) =>
      run(expiringCouponSql, [shopId, from.toISOString(), to.toISOString(), timeZone]),
    /** RFM scores of the given customers; a customer without an order in the year has none (counted as lost). */
    async rfmScores(shopId: number, now: Date, customerIds: number[]) {
      const result = await pool.query<{ customerId: number; recency: number; frequency: number; monetary: number }>(
        rfmSql,
        [shopId, now.toISOString(), customerIds],
      );
      return new Map(result.rows.map((row) => [row.customerId, row]));
    },
  };
}

export type CampaignAudienceRepository = ReturnType<typeof createCampaignAudienceRepository>;
