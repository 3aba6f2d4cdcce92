// Thank-you coupons in PostgreSQL through plain pg (the per-order path): one coupon per order, found by order or code.
import type { Coupon, CouponSettings, PrismaClient } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { defaultCouponSettings, type CouponSettingsInput } from "./coupon-settings.js";

export interface NewCoupon {
  shopId: number;
  shopifyOrderId: bigint;
  customerId: number | null;
  shopifyCustomerId: bigint | null;
  code: string;
  kind: Coupon["kind"];
  /** Decimal strings, as the settings hold them. */
  value: string;
  minimumSubtotal: string | null;
  currencyCode: string;
  startsAt: Date;
  endsAt: Date;
  combinesWith: CombinesWith;
  /** Earned as a first order: the coupon job confirms that with Shopify and claims the customer's one such coupon. */
  firstOrder: boolean;
}

export interface CombinesWith {
  orderDiscounts: boolean;
  productDiscounts: boolean;
  shippingDiscounts: boolean;
}

/** A coupon row as the per-order path reads it; amounts are decimal strings without trailing zeros ("10", "12.5"). */
export interface CouponRow {
  id: number;
  shopId: number;
  shopifyOrderId: bigint;
  customerId: number | null;
  shopifyCustomerId: bigint | null;
  code: string;
  status: Coupon["status"];
  kind: Coupon["kind"];
  value: string;
  minimumSubtotal: string | null;
  currencyCode: string;
  startsAt: Date;
  endsAt: Date;
  combinesWith: unknown;
  shopifyDiscountId: string | null;
  lastError: string | null;
  attempts: number;
  firstOrder: boolean;
}

export type CouponSummary = Pick<CouponRow, "id" | "code" | "status">;

/** "10.00" -> "10", "12.50" -> "12.5": the form the API has always answered with. */
export function trimDecimal(text: string): string;
export function trimDecimal(text: string | null): string | null;
export function trimDecimal(text: string | null): string | null {
  return text === null || !text.includes(".") ? text : text.replace(/\.?0+$/, "");
}

// Timestamp columns hold UTC without a zone, as Prisma writes them.
const couponColumns = `c.id, c.shop_id AS "shopId", c.shopify_order_id::text AS "shopifyOrderId", c.customer_id AS "customerId",
  c.shopify_customer_id::text AS "shopifyCustomerId", c.code, c.status::text AS status, c.kind::text AS kind,
  c.value::text AS value, c.minimum_subtotal::text AS "minimumSubtotal", c.currency_code AS "currencyCode",
  c.starts_at AT TIME ZONE 'UTC' AS "startsAt", c.ends_at AT TIME ZONE 'UTC' AS "endsAt",
  c.combines_with AS "combinesWith", c.shopify_discount_id AS "shopifyDiscountId", c.last_error AS "lastError",
  c.attempts, c.first_order AS "firstOrder"`;

export type RawCoupon = Omit<CouponRow, "shopifyOrderId" | "shopifyCustomerId"> & {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
};

export function toCouponRow(raw: RawCoupon): CouponRow {
  return {
    ...raw,
    shopifyOrderId: BigInt(raw.shopifyOrderId),
    shopifyCustomerId: raw.shopifyCustomerId === null ? null : BigInt(raw.shopifyCustomerId),
    value: trimDecimal(raw.value),
    minimumSubtotal: trimDecimal(raw.minimumSubtotal),
  };
}

export const insertPendingSql = `
INSERT INTO coupon AS c (shop_id, shopify_order_id, customer_id, shopify_customer_id, code, kind, value, minimum_subtotal,
                    currency_code, starts_at, ends_at, combines_with, first_order, updated_at)
VALUES ($1, $2, $3, $4, $5, $6::"CouponKind", $7::numeric, $8::numeric, $9, ($10::timestamptz AT TIME ZONE 'UTC'),
        ($11::timestamptz AT TIME ZONE 'UTC'), $12::jsonb, $13, (now() AT TIME ZONE 'UTC'))
ON CONFLICT (shop_id, shopify_order_id) DO NOTHING
RETURNING ${couponColumns}`;

function toInput(row: CouponSettings | null): CouponSettingsInput {
  if (!row) return defaultCouponSettings;
  return {
    enabled: row.enabled,
    kind: row.kind,
    value: row.value.toString(),
    minimumSubtotal: row.minimumSubtotal?.toString() ?? null,
    eligibility: row.eligibility,
    minimumOrderSubtotal: row.minimumOrderSubtotal?.toString() ?? null,
    excludeOrdersWithCode: row.excludeOrdersWithCode,
    validityDays: row.validityDays,
    codePrefix: row.codePrefix,
    combinesWithProduct: row.combinesWithProduct,
    combinesWithOrder: row.combinesWithOrder,
    combinesWithShipping: row.combinesWithShipping,
  };
}

// The order's coupon (if any) and the shop's settings (if saved) in one round trip: a row either way.
export const offerContextSql = `
SELECT c.id AS "couponId", c.code AS "couponCode", c.status::text AS "couponStatus", s.shop_id IS NOT NULL AS saved,
       s.enabled, s.kind::text AS kind, s.value::text AS value, s.minimum_subtotal::text AS "minimumSubtotal",
       s.eligibility::text AS eligibility, s.minimum_order_subtotal::text AS "minimumOrderSubtotal",
       s.exclude_orders_with_code AS "excludeOrdersWithCode", s.validity_days AS "validityDays",
       s.code_prefix AS "codePrefix", s.combines_with_product AS "combinesWithProduct",
       s.combines_with_order AS "combinesWithOrder", s.combines_with_shipping AS "combinesWithShipping"
  FROM (SELECT $1::int AS shop_id, $2::bigint AS order_id) q
  LEFT JOIN coupon c ON c.shop_id = q.shop_id AND c.shopify_order_id = q.order_id
  LEFT JOIN coupon_settings s ON s.shop_id = q.shop_id`;

export type OfferContextRow = CouponSettingsInput & {
  couponId: number | null;
  couponCode: string | null;
  couponStatus: Coupon["status"] | null;
  saved: boolean;
};

export function settingsFromRow(row: OfferContextRow): CouponSettingsInput {
  if (!row.saved) return defaultCouponSettings;
  return {
    enabled: row.enabled,
    kind: row.kind,
    value: trimDecimal(row.value),
    minimumSubtotal: trimDecimal(row.minimumSubtotal),
    eligibility: row.eligibility,
    minimumOrderSubtotal: trimDecimal(row.minimumOrderSubtotal),
    excludeOrdersWithCode: row.excludeOrdersWithCode,
    validityDays: row.validityDays,
    codePrefix: row.codePrefix,
    combinesWithProduct: row.combinesWithProduct,
    combinesWithOrder: row.combinesWithOrder,
    combinesWithShipping: row.combinesWithShipping,
  };
}

/** The settings, for the admin's screen; the per-order path reads them with the order's coupon (offerContextSql). */
function settingsMethods(prisma: PrismaClient) {
  return {
    async settingsFor(shopId: number): Promise<CouponSettingsInput> {
      return toInput(await prisma.couponSettings.findUnique({ where: { shopId } }));
    },
    async saveSettings(shopId: number, settings: CouponSettingsInput): Promise<CouponSettingsInput> {
      const row = await prisma.couponSettings.upsert({
        where: { shopId },
        create: { shopId, ...settings },
        update: settings,
      });
      return toInput(row);
    },
  };
}

function readMethods(pool: PgPool) {
  return {
    /** The coupon job's read: the row and the domain of its shop, in one round trip. */
    async findForIssue(id: number): Promise<(CouponRow & { shopDomain: string }) | null> {
      const { rows } = await pool.query<RawCoupon & { shopDomain: string }>(
        `SELECT ${couponColumns}, s.domain AS "shopDomain" FROM coupon c JOIN shop s ON s.id = c.shop_id WHERE c.id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { ...toCouponRow(row), shopDomain: row.shopDomain } : null;
    },
    async findById(id: number): Promise<CouponRow | null> {
      const { rows } = await pool.query<RawCoupon>(`SELECT ${couponColumns} FROM coupon c WHERE c.id = $1`, [id]);
      return rows[0] ? toCouponRow(rows[0]) : null;
    },
    findForOrder: (shopId: number, shopifyOrderId: bigint) => findForOrder(pool, shopId, shopifyOrderId),
  };
}

async function findForOrder(pool: PgPool, shopId: number, shopifyOrderId: bigint): Promise<CouponRow | null> {
  const { rows } = await pool.query<RawCoupon>(
    `SELECT ${couponColumns} FROM coupon c WHERE c.shop_id = $1 AND c.shopify_order_id = $2`,
    [shopId, shopifyOrderId.toString()],
  );
  return rows[0] ? toCouponRow(rows[0]) : null;
}

/** The order's coupon after an insert: `created` when this call inserted it (so this caller may issue it now). */
export type PendingCoupon = CouponRow & { created: boolean };

/** insertPendingSql's parameters, $1 to $13. */
export function insertPendingParameters(coupon: NewCoupon): unknown[] {
  return [
    coupon.shopId,
    coupon.shopifyOrderId.toString(),
    coupon.customerId,
    coupon.shopifyCustomerId?.toString() ?? null,
    coupon.code,
    coupon.kind,
    coupon.value,
    coupon.minimumSubtotal,
    coupon.currencyCode,
    coupon.startsAt.toISOString(),
    coupon.endsAt.toISOString(),
    JSON.stringify(coupon.combinesWith),
    coupon.firstOrder,
  ];
}

/** The order's coupon either way: the one this call inserted (`created`), else the one already there. */
export async function pendingCouponAfterInsert(
  pool: PgPool,
  coupon: NewCoupon,
  inserted: RawCoupon | undefined,
): Promise<PendingCoupon> {
  if (inserted) return { ...toCouponRow(inserted), created: true };
  const row = await findForOrder(pool, coupon.shopId, coupon.shopifyOrderId);
  if (!row) throw new Error(`coupon for order ${coupon.shopifyOrderId} vanished after its insert`);
  return { ...row, created: false };
}

/** Inserts the pending coupon unless the order already has one; returns the order's coupon either way. */
async function createPending(pool: PgPool, coupon: NewCoupon): Promise<PendingCoupon> {
  const inserted = await pool.query<RawCoupon>(insertPendingSql, insertPendingParameters(coupon));
  return pendingCouponAfterInsert(pool, coupon, inserted.rows[0]);
}

// The insert claims the key; on a conflict the holder is read back (a claim committed after this statement's snapshot
// is read by the second query).
const claimFirstOrderSql = `
WITH claimed AS (
  INSERT INTO first_order_coupon (shop_id, shopify_customer_id, shopify_order_id) VALUES ($1, $2, $3)
  ON CONFLICT (shop_id, shopify_customer_id) DO NOTHING RETURNING shopify_order_id)
SELECT shopify_order_id::text AS holder FROM claimed`;
const firstOrderHolderSql = `
SELECT shopify_order_id::text AS holder FROM first_order_coupon WHERE shop_id = $1 AND shopify_customer_id = $2`;

/** Which order holds the customer's one first-order coupon: this one if the key was free (or already its own). */
async function claimFirstOrder(pool: PgPool, shopId: number, customer: bigint, order: bigint): Promise<bigint> {
  const args = [shopId, customer.toString(), order.toString()];
  const claimed = await pool.query<{ holder: string }>(claimFirstOrderSql, args);
  const holder =
    claimed.rows[0] ?? (await pool.query<{ holder: string }>(firstOrderHolderSql, args.slice(0, 2))).rows[0];
  if (!holder) throw new Error(`first-order claim for customer ${customer} neither inserted nor found`);
  return BigInt(holder.holder);
}

function writeMethods(pool: PgPool) {
  return {
    createPending: (coupon: NewCoupon) => createPending(pool, coupon),
    claimFirstOrder: (shopId: number, shopifyCustomerId: bigint, shopifyOrderId: bigint) =>
      claimFirstOrder(pool, shopId, shopifyCustomerId, shopifyOrderId),
    /** A pending coupon Shopify's history says was not earned: removed, so the order reads "no coupon". */
    async withdrawPending(id: number): Promise<boolean> {
      const result = await pool.query("DELETE FROM coupon WHERE id = $1 AND status = 'pending'", [id]);
      return (result.rowCount ?? 0) > 0;
    },
    async markIssued(id: number, shopifyDiscountId: string): Promise<void> {
      await pool.query(
        `UPDATE coupon SET status = 'issued', shopify_discount_id = $2, last_error = NULL,
                updated_at = (now() AT TIME ZONE 'UTC')
          WHERE id = $1 AND status = 'pending'`,
        [id, shopifyDiscountId],
      );
    },
    async recordAttempt(id: number, error: string | null, failed: boolean): Promise<void> {
      await pool.query(
        `UPDATE coupon SET attempts = attempts + 1, last_error = $2, updated_at = (now() AT TIME ZONE 'UTC'),
                status = CASE WHEN $3 THEN 'failed'::"CouponStatus" ELSE status END
          WHERE id = $1`,
        [id, error, failed],
      );
    },
    /** The first order that used the code redeems it; later events for that order change nothing. */
    async markRedeemed(shopId: number, code: string, orderId: bigint, revenue: string, at: Date): Promise<boolean> {
      const result = await pool.query(
        `UPDATE coupon SET status = 'redeemed', redeemed_order_id = $3, redeemed_revenue = $4::numeric,
                redeemed_at = ($5::timestamptz AT TIME ZONE 'UTC'), updated_at = (now() AT TIME ZONE 'UTC')
          WHERE shop_id = $1 AND code = $2 AND redeemed_order_id IS NULL`,
        [shopId, code, orderId.toString(), revenue, at.toISOString()],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export function createCouponRepository(prisma: PrismaClient, pool: PgPool) {
  return { ...settingsMethods(prisma), ...readMethods(pool), ...writeMethods(pool) };
}

export type CouponRepository = ReturnType<typeof createCouponRepository>;
