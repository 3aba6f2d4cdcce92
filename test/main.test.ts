import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { dropDatabase } from "../server/db/ensure-database.js";
import { paidOrderPayload } from "./support/shop-fixtures.js";
import { spawnAppProcess } from "./support/spawn-app-process.js";
import { waitFor } from "./support/start-test-stack.js";
import { createTestDatabase, databaseUrl, type TestDatabase } from "./support/test-database.js";
import { deleteRedisKeys, newRedisPrefix, testRedisUrl } from "./support/test-redis-prefix.js";

describe("process start-up and shutdown", () => {
  test("a bad environment value stops start-up with one line naming the variable", async () => {
    const app = spawnAppProcess("web", { PORT: "not-a-port" });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^Invalid environment variable PORT \(got "not-a-port"\)/)]);
  });

  test("start-up refuses a database whose migrations are behind, naming the command that fixes it", async () => {
    const url = databaseUrl(`afterglow_test_behind_${randomBytes(4).toString("hex")}`);
    const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
    await admin.end();
    try {
      const app = spawnAppProcess("web", { DATABASE_URL: url, PORT: "0" });
      expect(await app.exited).toBe(1);
      expect(app.output()).toMatch(
        /is behind: \d+ migration\(s\) not applied \(20261125120000_init, .*Run `npm run db:migrate`/,
      );
      expect(app.output()).not.toMatch(/\n\s+at /);
    } finally {
      await dropDatabase(url);
    }
  });

  test("an unreachable PostgreSQL is named, with where we looked and how to start it", async () => {
    const app = spawnAppProcess("worker", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/afterglow" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(
      /PostgreSQL is not reachable at postgresql:\/\/postgres@127\.0\.0\.1:1\/afterglow .*pg_ctlcluster/,
    );
  });

  describe("SIGTERM on a worker", () => {
    let database: TestDatabase;
    const prefix = newRedisPrefix();
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
      await deleteRedisKeys(prefix);
      await database.drop();
    });

    test("drains the job in flight, then exits 0", async () => {
      database = await createTestDatabase();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const shop = await client.query<{ id: number }>(
        "INSERT INTO shop (domain, name, updated_at) VALUES ('drain.myshopify.com', 'Drain', now()) RETURNING id",
      );
      await client.query("INSERT INTO customer (shop_id, shopify_customer_id, updated_at) VALUES ($1, 4242, now())", [
        shop.rows[0]?.id,
      ]);
      const inbox = await client.query<{ id: string }>(
        `INSERT INTO webhook_inbox (shop_domain, webhook_id, topic, raw_body)
         VALUES ('drain.myshopify.com', 'drain-1', 'orders/paid', $1) RETURNING id::text`,
        [JSON.stringify(paidOrderPayload(4242001, 4242, "12.00"))],
      );
      const inboxId = inbox.rows[0]?.id as string;
      // Hold the customer's row so the job blocks mid-way, as a slow job would.
      const blocker = new pg.Client({ connectionString: database.url });
      await blocker.connect();
      await blocker.query("BEGIN");
      await blocker.query("SELECT * FROM customer WHERE shopify_customer_id = 4242 FOR UPDATE");

      // Below Linux's ephemeral range (32768 and up): a port there may already be some open connection's local end,
      // and the worker then serves no metrics ("port in use"): the likely cause of one fresh clone's timed-out run.
      const metricsPort = String(20000 + Math.floor(Math.random() * 10000));
      const worker = spawnAppProcess("worker", {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl,
        REDIS_PREFIX: prefix,
        WORKER_METRICS_PORT: metricsPort,
      });
      // Whatever happens below, no worker outlives the test and no lock is left held.
      cleanups.push(async () => {
        worker.child.kill("SIGKILL");
        await blocker.end().catch(() => undefined);
        await client.end().catch(() => undefined);
      });
      const redis = new Redis(testRedisUrl);
      const queue = new Queue("webhooks", { connection: redis, prefix });
      cleanups.push(async () => {
        await queue.close();
        redis.disconnect();
      });
      await queue.add("orders/paid", { inboxId }, { jobId: `inbox-${inboxId}` });
      // A fresh tsx process on a busy CI machine can take a while to boot; this waits for it, it times nothing.
      await waitFor(
        "the job to start",
        async () => {
          const row = await client.query("SELECT status FROM webhook_inbox WHERE id = $1", [inboxId]);
          return row.rows[0]?.status === "processing";
        },
        60_000,
      );

      // A worker-only process has no web server; it serves its own metrics.
      // It may start listening a moment after the first job starts.
      const metrics = await waitFor("the worker's metrics", () =>
        fetch(`http://127.0.0.1:${metricsPort}/metrics`)
          .then((response) => response.text())
          .catch(() => null),
      );
      expect(metrics).toContain("# TYPE afterglow_jobs_completed_total counter");

      worker.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(worker.child.exitCode).toBeNull();
      await blocker.query("COMMIT");
      expect(await worker.exited).toBe(0);

      const row = await client.query("SELECT status FROM webhook_inbox WHERE id = $1", [inboxId]);
      expect(row.rows[0]?.status).toBe("completed");
      const ledger = await client.query("SELECT points FROM ledger_entry WHERE shopify_order_id = 4242001");
      // 12 for the order's subtotal plus the default 50-point first-order bonus, pending in one entry.
      expect(ledger.rows).toEqual([{ points: 62 }]);
      expect(worker.output()).toContain("draining in-flight work");
    }, 120_000);
  });
});
