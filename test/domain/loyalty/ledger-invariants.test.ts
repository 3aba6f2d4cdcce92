// The ledger on real PostgreSQL: append-only, once per key, pending settled once, cached sums equal the entries.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPgPool, type PgPool } from "../../../server/db/create-pg-pool.js";
import { createLedgerRepository, type LedgerRepository } from "../../../server/domain/loyalty/ledger-repository.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

let database: TestDatabase;
let pool: PgPool;
let ledger: LedgerRepository;
let shopId: number;

async function newCustomer(shopifyId: number): Promise<number> {
  const result = await pool.query<{ id: number }>(
    "INSERT INTO customer (shop_id, shopify_customer_id, updated_at) VALUES ($1, $2, now()) RETURNING id",
    [shopId, shopifyId],
  );
  return Number(result.rows[0]?.id);
}

async function entryId(key: string): Promise<bigint> {
  const result = await pool.query<{ id: string }>("SELECT id::text FROM ledger_entry WHERE idempotency_key = $1", [
    key,
  ]);
  return BigInt(result.rows[0]?.id ?? "0");
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, 12);
  ledger = createLedgerRepository(pool);
  const shop = await pool.query<{ id: number }>(
    "INSERT INTO shop (domain, updated_at) VALUES ('ledger.myshopify.com', now()) RETURNING id",
  );
  shopId = Number(shop.rows[0]?.id);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const base = { cause: "order" as const };

describe("ledger invariants", () => {
  test("the same key twice, even concurrently, moves points once", async () => {
    const customerId = await newCustomer(1);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () =>
        ledger.append({ ...base, shopId, customerId, points: 40, idempotencyKey: "k1" }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.applied)).toHaveLength(1);
    expect(await ledger.pointsOf(customerId)).toEqual({ balance: 40, pending: 0 });
  });

  test("pending points wait; settling moves them once, and maturing and voiding cannot both happen", async () => {
    const customerId = await newCustomer(2);
    await ledger.append({ ...base, shopId, customerId, points: 100, status: "pending", idempotencyKey: "o2:earn" });
    expect(await ledger.pointsOf(customerId)).toEqual({ balance: 0, pending: 100 });
    const earnId = await entryId("o2:earn");
    const [mature, voided] = await Promise.all([
      ledger.append({ ...base, shopId, customerId, points: 90, settlesEntryId: earnId, idempotencyKey: "o2:mature" }),
      ledger.append({
        ...base,
        shopId,
        customerId,
        points: 0,
        status: "void",
        settlesEntryId: earnId,
        idempotencyKey: "o2:void",
      }),
    ]);
    expect([mature.applied, voided.applied].filter(Boolean)).toHaveLength(1);
    const points = await ledger.pointsOf(customerId);
    expect(points?.pending).toBe(0);
    expect(points?.balance).toBe(mature.applied ? 90 : 0);
  });

  test("a balance may go negative", async () => {
    const customerId = await newCustomer(3);
    await ledger.append({ ...base, shopId, customerId, points: 10, idempotencyKey: "o3:earn" });
    await ledger.append({ shopId, customerId, points: -25, cause: "refund", idempotencyKey: "r3:clawback" });
    expect(await ledger.balanceOf(customerId)).toBe(-15);
  });

  test("entries are never updated or deleted", async () => {
    await expect(pool.query("UPDATE ledger_entry SET points = 1000")).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM ledger_entry")).rejects.toThrow(/append-only/);
  });

  test("a redaction may blank the reasons of the customers it names, and change nothing else", async () => {
    const customerId = await newCustomer(7);
    await ledger.append({ ...base, shopId, customerId, points: 5, idempotencyKey: "o7:earn", reason: "for Ann Lee" });
    const client = await pool.connect();
    const naming = (ids: string) =>
      client.query("SELECT set_config('afterglow.redacting_customer_ids', $1, true)", [ids]);
    const refused = /append-only: UPDATE refused/;
    try {
      await expect(
        client.query("UPDATE ledger_entry SET reason = 'x' WHERE customer_id = $1", [customerId]),
      ).rejects.toThrow(refused);
      await client.query("BEGIN");
      await naming(`0,${customerId}`);
      await expect(
        client.query("UPDATE ledger_entry SET points = 6 WHERE customer_id = $1", [customerId]),
      ).rejects.toThrow(refused);
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      await naming(String(customerId));
      await expect(
        client.query("UPDATE ledger_entry SET reason = 'x' WHERE customer_id <> $1", [customerId]),
      ).rejects.toThrow(refused);
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      await naming(String(customerId));
      await client.query("UPDATE ledger_entry SET reason = 'for [redacted]' WHERE customer_id = $1", [customerId]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    const row = await pool.query("SELECT reason, points FROM ledger_entry WHERE idempotency_key = 'o7:earn'");
    expect(row.rows).toEqual([{ reason: "for [redacted]", points: 5 }]);
    await expect(pool.query("DELETE FROM ledger_entry WHERE customer_id = $1", [customerId])).rejects.toThrow(
      /append-only/,
    );
  });

  test("the check finds nothing on an honest ledger and names a customer whose cached balance was tampered with", async () => {
    expect(await ledger.balanceMismatches(shopId)).toEqual([]);
    const customerId = await newCustomer(4);
    await ledger.append({ ...base, shopId, customerId, points: 7, idempotencyKey: "o4:earn" });
    await pool.query("UPDATE customer SET points_balance = points_balance + 1 WHERE id = $1", [customerId]);
    expect(await ledger.balanceMismatches(shopId)).toEqual([
      expect.objectContaining({ customer_id: customerId, cached_balance: 8, summed_balance: 7 }),
    ]);
    await pool.query("UPDATE customer SET points_balance = points_balance - 1 WHERE id = $1", [customerId]);
  });

  test("npm run check:ledger exits 0 on an honest ledger and 1 on a tampered one", async () => {
    expect(await runCheck()).toMatchObject({ code: 0, output: expect.stringMatching(/Ledger OK/) });
    const customerId = await newCustomer(5);
    await pool.query("UPDATE customer SET pending_points = 3 WHERE id = $1", [customerId]);
    expect(await runCheck()).toMatchObject({ code: 1, output: expect.stringMatching(/MISMATCH for 1 customer/) });
  });

  test("the check names an order whose refunds took back more than its points matured at", async () => {
    const customerId = await newCustomer(6);
    const order = { shopId, customerId, shopifyOrderId: 606n };
    await ledger.append({ ...base, ...order, points: 80, status: "pending", idempotencyKey: "order:606:earn" });
    await ledger.append({
      ...base,
      ...order,
      points: 50,
      settlesEntryId: await entryId("order:606:earn"),
      idempotencyKey: "order:606:earn:mature",
    });
    await ledger.append({ ...order, points: -50, cause: "refund", idempotencyKey: "refund:61:clawback" });
    expect(await ledger.clawbackExcesses(shopId)).toEqual([]);
    await ledger.append({ ...order, points: -1, cause: "refund", idempotencyKey: "refund:62:clawback" });
    expect(await ledger.clawbackExcesses(shopId)).toEqual([
      { shop_id: shopId, customer_id: customerId, shopify_order_id: "606", earned: 80, matured: 50, clawed_back: 51 },
    ]);
    expect(await runCheck()).toMatchObject({ code: 1, output: expect.stringMatching(/Clawback EXCESS on 1 order/) });
  });
});

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function runCheck(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/check-ledger.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}
