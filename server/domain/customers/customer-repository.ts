// Customers as webhooks describe them, upserted race-free (two workers may see one customer at once).
import type { PrismaClient } from "@prisma/client";

export interface CustomerFacts {
  shopifyCustomerId: number;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
}

export function createCustomerRepository(prisma: PrismaClient) {
  return {
    /** Returns the customer's id; fields a payload leaves out keep their stored values. */
    async upsert(shopId: number, facts: CustomerFacts): Promise<number> {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        INSERT INTO customer (shop_id, shopify_customer_id, email, first_name, last_name, locale, updated_at)
        VALUES (${shopId}, ${BigInt(facts.shopifyCustomerId)}, ${facts.email ?? null}, ${facts.firstName ?? null},
                ${facts.lastName ?? null}, ${facts.locale ?? null}, now())
        ON CONFLICT (shop_id, shopify_customer_id) DO UPDATE SET
          email = COALESCE(EXCLUDED.email, customer.email),
          first_name = COALESCE(EXCLUDED.first_name, customer.first_name),
          last_name = COALESCE(EXCLUDED.last_name, customer.last_name),
          locale = COALESCE(EXCLUDED.locale, customer.locale),
          updated_at = now()
        RETURNING id`;
      const row = rows[0];
      if (!row) throw new Error("customer upsert returned no row");
      return row.id;
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
