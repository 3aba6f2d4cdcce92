// Bench phase "customers": p95 of GET /api/customers (first page, cursor pages, searches) with 100,000 customers and
// their ledgers in the database, each request timed end to end over HTTP with a fresh session token.
import { performance } from "node:perf_hooks";
import { mintSessionToken } from "../scripts/shopify-simulator/create-shopify-simulator.js";
import { encodeCustomerCursor } from "../server/domain/customers/customer-list-cursor.js";
import { testApiKey, testApiSecret, type TestStack } from "../test/support/start-test-stack.js";

export interface CustomerListFigures {
  customers: number;
  ledgerEntries: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  scenarios: Record<string, { requests: number; p50Ms: number; p95Ms: number }>;
}

const firstNames = ["Maria", "Juan", "Ayu", "Budi", "Siti", "Jose", "Ana", "Rizal", "Dewi", "Andrea", "Putri", "Mark"];
const lastNames = ["Santos", "Reyes", "Wijaya", "Cruz", "Lestari", "Garcia", "Pratama", "Bautista", "Sari", "Tan"];

/** Customers with three ledger entries each (an order, a redemption, a staff adjustment) and matching cached sums. */
async function seed(stack: TestStack, shopId: number, count: number): Promise<number> {
  const pool = stack.services.pool;
  await pool.query(
    `INSERT INTO customer (shop_id, shopify_customer_id, email, first_name, last_name, points_balance, tier, updated_at)
     SELECT $1, 7000000000 + i, 'shopper' || i || '@example.com',
            ($2::text[])[1 + i % array_length($2, 1)], ($3::text[])[1 + (i / 12) % array_length($3, 1)],
            (i % 500) + 100 - 50 + (i % 7), CASE WHEN i % 5 = 0 THEN 'Gold' ELSE 'Silver' END, now()
     FROM generate_series(1, $4) AS i`,
    [shopId, firstNames, lastNames, count],
  );
  const entries = await pool.query(
    `INSERT INTO ledger_entry (shop_id, customer_id, points, cause, status, idempotency_key, reason, actor, created_at)
     SELECT c.shop_id, c.id, e.points, e.cause::"LedgerCause", 'available', 'bench:' || c.id || ':' || e.n, e.reason,
            e.actor, now() - (e.n || ' days')::interval
     FROM customer c
     CROSS JOIN LATERAL (VALUES
       (1, (c.shopify_customer_id % 500)::int + 100, 'order', NULL, 'system'),
       (2, -50, 'redemption', NULL, NULL),
       (3, (c.shopify_customer_id % 7)::int, 'adjustment', 'Goodwill', '902541635')
     ) AS e(n, points, cause, reason, actor)
     WHERE c.shop_id = $1`,
    [shopId],
  );
  await pool.query("ANALYZE customer; ANALYZE ledger_entry");
  return entries.rowCount ?? 0;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timedGet(
  stack: TestStack,
  shop: string,
  path: string,
): Promise<{ ms: number; nextCursor: string | null }> {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  const started = performance.now();
  const response = await fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { nextCursor?: string | null };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return { ms, nextCursor: body.nextCursor ?? null };
}

/** The paths each scenario asks for: pages walked by their cursors, deep cursors, and searches common to rare. */
function scenarioPaths(count: number, perScenario: number): Record<string, (index: number) => string> {
  const list = (params: Record<string, string>) => `/api/customers?${new URLSearchParams({ limit: "25", ...params })}`;
  const searches = ["maria", "santos", "ayu w", "reyes", "@example.com"];
  return {
    "first page": () => list({}),
    "deep cursor pages": (i) =>
      list({ cursor: encodeCustomerCursor(Math.floor(((i + 1) * count) / (perScenario + 1))) }),
    "common search": (i) => list({ query: searches[i % searches.length] ?? "maria" }),
    "rare search": (i) => list({ query: `shopper${(i * 7919) % count}@` }),
    "no match": (i) => list({ query: `zq${i}x` }),
  };
}

async function walkPages(stack: TestStack, shop: string, query: string, pages: number, timings: number[]) {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    const params = new URLSearchParams({ limit: "25", ...(query ? { query } : {}), ...(cursor ? { cursor } : {}) });
    const answer = await timedGet(stack, shop, `/api/customers?${params}`);
    timings.push(answer.ms);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
}

export async function measureCustomerList(
  stack: TestStack,
  shop: string,
  options: { customers?: number; requestsPerScenario?: number } = {},
): Promise<CustomerListFigures> {
  const count = options.customers ?? 100_000;
  const perScenario = options.requestsPerScenario ?? 60;
  const shopRow = await stack.services.repositories.shops.findByDomain(shop);
  if (!shopRow) throw new Error(`${shop} is not installed`);
  const ledgerEntries = await seed(stack, shopRow.id, count);
  const timings: Record<string, number[]> = {};
  for (let i = 0; i < 10; i += 1) await timedGet(stack, shop, "/api/customers?limit=25"); // warm-up
  for (const [name, path] of Object.entries(scenarioPaths(count, perScenario))) {
    timings[name] = [];
    for (let i = 0; i < perScenario; i += 1) timings[name].push((await timedGet(stack, shop, path(i))).ms);
  }
  timings["next pages (cursor)"] = [];
  await walkPages(stack, shop, "", perScenario, timings["next pages (cursor)"]);
  timings["next pages of a search"] = [];
  await walkPages(stack, shop, "santos", perScenario, timings["next pages of a search"]);
  const all = Object.values(timings)
    .flat()
    .sort((a, b) => a - b);
  const scenarios = Object.fromEntries(
    Object.entries(timings).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [
        name,
        { requests: sorted.length, p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)) },
      ];
    }),
  );
  return {
    customers: count,
    ledgerEntries,
    requests: all.length,
    p50Ms: round(percentile(all, 0.5)),
    p95Ms: round(percentile(all, 0.95)),
    scenarios,
  };
}
