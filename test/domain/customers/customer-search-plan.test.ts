import pg from "pg";
import { customerSearchQuery } from "../../../server/domain/customers/customer-admin-repository.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

let database: TestDatabase;
let client: pg.Client;

// 100,000 customers in one shop: the admin's search and paging must not read them all.
beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `INSERT INTO shop (domain, updated_at) VALUES ('big.myshopify.com', now()), ('small.myshopify.com', now())`,
  );
  await client.query(
    `INSERT INTO customer (shop_id, shopify_customer_id, first_name, last_name, email, updated_at)
     SELECT 1, n, 'First' || n, 'Last' || (n % 977), 'shopper' || n || '@example.com', now()
     FROM generate_series(1, 100000) AS n`,
  );
  await client.query("ANALYZE customer");
}, 60_000);
afterAll(async () => {
  await client.end();
  await database.drop();
});

async function plan(shopId: number, options: Parameters<typeof customerSearchQuery>[1]): Promise<string> {
  const { text, values } = customerSearchQuery(shopId, options);
  const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, values);
  return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("customer search on 100,000 customers", () => {
  test("a rare name or email fragment is answered from the trigram index", async () => {
    expect(await plan(1, { query: "shopper4242", limit: 25 })).toMatch(/customer_search_trgm_idx/);
  });

  test("a common fragment never reads and sorts the whole table", async () => {
    // About 1% of rows match: the planner may walk ids backwards until 26 match, or use the trigram index.
    const text = await plan(1, { query: "Last97", limit: 25 });
    expect(text).toMatch(/customer_search_trgm_idx|Index Scan Backward/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  test("the unfiltered list and its later pages walk an id index backwards instead of sorting every row", async () => {
    for (const afterId of [undefined, 50_000]) {
      const text = await plan(1, { afterId, limit: 25 });
      expect(text).toMatch(/Index (Only )?Scan Backward using customer_(shop_id_id_idx|pkey)/);
      expect(text).not.toMatch(/Seq Scan|Sort/);
    }
  });

  test("the search finds the right rows", async () => {
    const { text, values } = customerSearchQuery(1, { query: "SHOPPER4242@", limit: 25 });
    const rows = await client.query<{ email: string }>(text, values);
    expect(rows.rows.map((row) => row.email)).toEqual(["shopper4242@example.com"]);
  });
});
