// The thank-you page's reads and writes in two statements per order, where separate repositories would take five.
import type { PgPool } from "../../db/create-pg-pool.js";
import {
  insertPendingParameters,
  insertPendingSql,
  offerContextSql,
  pendingCouponAfterInsert,
  settingsFromRow,
  type NewCoupon,
  type OfferContextRow,
  type PendingCoupon,
  type RawCoupon,
} from "../coupons/coupon-repository.js";
import type { OfferContext } from "../coupons/offer-thank-you-coupon.js";
import { upsertCustomerParameters, upsertCustomerSql } from "../customers/customer-repository.js";
import type { ThankYouOrder } from "./order-payload.js";
import { previousOrdersCountSql, recordOrderParameters, recordOrderSql } from "./order-repository.js";

/** Renumbers a statement's $n parameters so it can follow another's in one statement. */
function shiftParameters(sql: string, by: number): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);
}

// In a sale every order runs these, and each round trip costs the database as much as the work in it. Customer
// $1-$6, order's shop and id $7-$8, placed at $9: the customer upserted, then the order's coupon, the shop's settings
// and the customer's earlier orders read in the same statement.
const offerContextForCustomerSql = `
WITH upserted AS (${upsertCustomerSql})
SELECT u.id AS "customerId", (${previousOrdersCountSql("u.id", "$9", "$8", "$7")}) AS "previousOrders", ctx.*
  FROM upserted u CROSS JOIN (${shiftParameters(offerContextSql, 6)}) ctx`;

// The order's analytics facts (first order, active stretches: about 1 ms of database work per order) may be left to
// refreshOrderFacts, which the order's full webhook job runs after the shopper's page is served. The statement sets
// the history import's switch ('on' defers, 'off' lets the order triggers run) for its own transaction (set_config's
// third argument); the triggers read it at the statement's end, and `deferral` is selected so that it runs.
const factsSwitch = (parameter: number) =>
  `deferral AS (SELECT set_config('afterglow.defer_order_facts', $${parameter}::text, true) AS deferred)`;

// The order alone ($1-$13), the switch $14.
const recordOrderOnlySql = `WITH ${factsSwitch(14)}, order_row AS (${recordOrderSql}) SELECT deferred FROM deferral`;

// The coupon ($1-$13) and the order ($14-$26) go in together, the switch $27: the checkout endpoint reads "order
// recorded, no coupon" as "none", so the order must never be visible before its coupon.
const recordWithCouponSql = `
WITH ${factsSwitch(27)}, coupon_row AS (${insertPendingSql}), order_row AS (${shiftParameters(recordOrderSql, 13)})
SELECT coupon_row.* FROM deferral LEFT JOIN coupon_row ON true`;

function contextFrom(row: OfferContextRow, customerId: number | null, previousOrders: number): OfferContext {
  const existing =
    row.couponId !== null && row.couponCode !== null && row.couponStatus !== null
      ? { id: row.couponId, code: row.couponCode, status: row.couponStatus }
      : null;
  return { customerId, existing, settings: settingsFromRow(row), previousOrders };
}

export function createThankYouPageRepository(pool: PgPool) {
  return {
    /** The customer recorded (when the order has one) and everything the coupon decision reads. */
    async offerContext(shopId: number, order: ThankYouOrder): Promise<OfferContext> {
      if (!order.customer) {
        const { rows } = await pool.query<OfferContextRow>(offerContextSql, [shopId, order.id]);
        if (!rows[0]) throw new Error("the offer context query returned no row");
        return contextFrom(rows[0], null, 0);
      }
      const customer = upsertCustomerParameters(shopId, {
        shopifyCustomerId: order.customer.id,
        email: order.customer.email ?? order.email,
        firstName: order.customer.first_name,
        lastName: order.customer.last_name,
        locale: order.customer_locale,
      });
      const placedAt = order.created_at ?? order.updated_at;
      const { rows } = await pool.query<OfferContextRow & { customerId: number; previousOrders: number }>(
        offerContextForCustomerSql,
        [...customer, shopId, order.id, placedAt],
      );
      const row = rows[0];
      if (!row) throw new Error("the offer context query returned no row");
      return contextFrom(row, row.customerId, row.previousOrders);
    },
    /**
     * The order row, with its new pending coupon when one is given (then returned, `created` if this call made it).
     * With `deferFacts` the order's analytics facts wait for refreshOrderFacts; without, the order triggers keep them.
     */
    async record(
      shopId: number,
      customerId: number | null,
      order: ThankYouOrder,
      coupon: NewCoupon | null,
      { deferFacts }: { deferFacts: boolean },
    ): Promise<PendingCoupon | null> {
      const orderParameters = recordOrderParameters(shopId, customerId, order);
      const deferral = deferFacts ? "on" : "off";
      if (!coupon) {
        await pool.query(recordOrderOnlySql, [...orderParameters, deferral]);
        return null;
      }
      const { rows } = await pool.query<RawCoupon | Record<keyof RawCoupon, null>>(recordWithCouponSql, [
        ...insertPendingParameters(coupon),
        ...orderParameters,
        deferral,
      ]);
      const inserted = rows[0];
      return pendingCouponAfterInsert(pool, coupon, inserted && inserted.id !== null ? inserted : undefined);
    },
    /** Recomputes the customer's first order and active stretches from their orders as they stand now. */
    async refreshOrderFacts(customerId: number): Promise<void> {
      await pool.query("SELECT customer_order_facts_refresh(ARRAY[$1::int])", [customerId]);
    },
  };
}

export type ThankYouPageRepository = ReturnType<typeof createThankYouPageRepository>;
