// Finds a compliance request's customer in our tables: their customer rows (by Shopify id or email) and orders.
import type { Queryable } from "../loyalty/ledger-repository.js";
import type { ComplianceSubject } from "./compliance-payloads.js";

export interface CustomerMatch {
  /** Our customer ids: normally one; a second row can exist when Shopify merged two customers with one email. */
  customerIds: number[];
  /** The orders Shopify named plus every order we recorded for those customers, as decimal strings. */
  shopifyOrderIds: string[];
}

export async function matchCustomer(db: Queryable, shopId: number, subject: ComplianceSubject): Promise<CustomerMatch> {
  const customers = await db.query<{ id: number }>(
    `SELECT id FROM customer
     WHERE shop_id = $1 AND (shopify_customer_id = $2 OR ($3::text IS NOT NULL AND lower(email) = $3))
     ORDER BY id`,
    [shopId, subject.shopifyCustomerId.toString(), subject.email],
  );
  const customerIds = customers.rows.map((row) => row.id);
  const orders = await db.query<{ id: string }>(
    `SELECT shopify_order_id::text AS id FROM "order" WHERE shop_id = $1 AND customer_id = ANY($2::int[])
     UNION SELECT unnest($3::bigint[])::text`,
    [shopId, customerIds, subject.shopifyOrderIds.map(String)],
  );
  return { customerIds, shopifyOrderIds: orders.rows.map((row) => row.id).sort() };
}
