// What the thank-you extension asks about one order, answered by one indexed query: its coupon (or why there is
// none) and the facts of its delivery window.
import type { Coupon } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { trimDecimal } from "./coupon-repository.js";

export interface CheckoutCouponView {
  code: string;
  kind: Coupon["kind"];
  value: string;
  currencyCode: string;
  minimumSubtotal: string | null;
  endsAt: string;
}

/** The recorded order's shipping facts, for the delivery window the block also shows. */
export interface CheckoutOrderFacts {
  orderedAt: Date;
  /** When its first shipment left (fulfillments/create), once it has: the window then counts from that day. */
  shippedAt: Date | null;
  countryCode: string | null;
  shippingMethod: string | null;
}

export type CheckoutCouponAnswer =
  | { status: "ready"; coupon: CheckoutCouponView; order: CheckoutOrderFacts | null }
  | { status: "pending" | "none"; order: CheckoutOrderFacts | null }
  | { status: "foreign" };

interface LookupRow {
  couponStatus: Coupon["status"] | null;
  code: string | null;
  kind: Coupon["kind"] | null;
  value: string | null;
  currencyCode: string | null;
  minimumSubtotal: string | null;
  endsAt: Date | null;
  orderShopId: number | null;
  orderedAt: Date | null;
  shippedAt: Date | null;
  countryCode: string | null;
  shippingMethod: string | null;
}

// The coupon by its unique (shop, order) key; the order by its Shopify id (indexed), this shop's row first, since
// order ids are global in Shopify and one recorded under another shop is not this token's to ask about.
const lookupSql = `
SELECT c.status::text AS "couponStatus", c.code, c.kind::text AS kind, c.value::text AS value,
       c.currency_code AS "currencyCode", c.minimum_subtotal::text AS "minimumSubtotal",
       c.ends_at AT TIME ZONE 'UTC' AS "endsAt", o.shop_id AS "orderShopId",
       COALESCE(o.shopify_created_at, o.created_at) AT TIME ZONE 'UTC' AS "orderedAt",
       o.shipping_country_code AS "countryCode", o.shipping_method AS "shippingMethod",
       sh.shipped_at AT TIME ZONE 'UTC' AS "shippedAt"
  FROM (SELECT $1::int AS shop_id, $2::bigint AS order_id) q
  LEFT JOIN coupon c ON c.shop_id = q.shop_id AND c.shopify_order_id = q.order_id
  LEFT JOIN order_shipment sh ON sh.shop_id = q.shop_id AND sh.shopify_order_id = q.order_id
  LEFT JOIN LATERAL (
    SELECT shop_id, shopify_created_at, created_at, shipping_country_code, shipping_method
      FROM "order" WHERE shopify_order_id = q.order_id
     ORDER BY shop_id = q.shop_id DESC LIMIT 1) o ON true`;

/** Pure: the row to the answer. No coupon and a recorded order: it did not qualify; no order yet: still on the way. */
export function checkoutAnswer(row: LookupRow, shopId: number): CheckoutCouponAnswer {
  const own = row.orderShopId === shopId;
  if (!row.couponStatus && row.orderShopId !== null && !own) return { status: "foreign" };
  const order = own && row.orderedAt ? { orderedAt: row.orderedAt, ...shippingOf(row) } : null;
  if (row.couponStatus === "issued" && row.code && row.kind && row.value && row.currencyCode && row.endsAt) {
    const coupon = {
      code: row.code,
      kind: row.kind,
      value: trimDecimal(row.value),
      currencyCode: row.currencyCode,
      minimumSubtotal: trimDecimal(row.minimumSubtotal),
      endsAt: row.endsAt.toISOString(),
    };
    return { status: "ready", coupon, order };
  }
  if (row.couponStatus === "pending" || (!row.couponStatus && !own)) return { status: "pending", order };
  return { status: "none", order };
}

function shippingOf(row: LookupRow) {
  return { shippedAt: row.shippedAt, countryCode: row.countryCode, shippingMethod: row.shippingMethod };
}

export function createCheckoutCouponLookup(pool: PgPool) {
  return {
    async find(shopId: number, shopifyOrderId: bigint): Promise<CheckoutCouponAnswer> {
      const { rows } = await pool.query<LookupRow>(lookupSql, [shopId, shopifyOrderId.toString()]);
      const row = rows[0];
      if (!row) throw new Error("the checkout lookup returned no row");
      return checkoutAnswer(row, shopId);
    },
  };
}

export type CheckoutCouponLookup = ReturnType<typeof createCheckoutCouponLookup>;
