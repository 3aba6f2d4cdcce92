// Customers as webhooks describe them, upserted race-free (two workers may see one customer at once).
import type { PgPool } from "../../db/create-pg-pool.js";

export interface CustomerFacts {
  shopifyCustomerId: number;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
}

export const upsertCustomerSql = `
INSERT INTO customer (shop_id, shopify_customer_id, email, first_name, last_name, locale, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, now())
ON CONFLICT (shop_id, shopify_customer_id) DO UPDATE SET
  email = COALESCE(EXCLUDED.email, customer.email),
  first_name = COALESCE(EXCLUDED.first_name, customer.first_name),
  last_name = COALESCE(EXCLUDED.last_name, customer.last_name),
  locale = COALESCE(EXCLUDED.locale, customer.locale),
  updated_at = now()
RETURNING id`;

export function createCustomerRepository(pool: PgPool) {
  return {
    /** Our id for a Shopify customer, null for one we have not recorded. */
    async idOf(shopId: number, shopifyCustomerId: number): Promise<number | null> {
      const { rows } = await pool.query<{ id: number }>(
        "SELECT id FROM customer WHERE shop_id = $1 AND shopify_customer_id = $2",
        [shopId, shopifyCustomerId],
      );
      return rows[0]?.id ?? null;
    },
    /** Returns the customer's id; fields a payload leaves out keep their stored values. */
    async upsert(shopId: number, facts: CustomerFacts): Promise<number> {
      const result = await pool.query<{ id: number }>(upsertCustomerSql, upsertCustomerParameters(shopId, facts));
      const row = result.rows[0];
      if (!row) throw new Error("customer upsert returned no row");
      return row.id;
    },
  };
}

/** upsertCustomerSql's parameters, $1 to $6. */
export function upsertCustomerParameters(shopId: number, facts: CustomerFacts): unknown[] {
  return [
    shopId,
    facts.shopifyCustomerId,
    facts.email ?? null,
    facts.firstName ?? null,
    facts.lastName ?? null,
    facts.locale ?? null,
  ];
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
