// The benchmark's phases: each server under the same signed load, and Afterglow's intake followed by its workers.
import pg from "pg";
import { migrateDatabase } from "../scripts/db-migrate.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { startBenchProcess, waitForHttp } from "./bench-processes.js";
import { driveLoad, type LoadResult } from "./drive-load.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { createSignedOrderStream } from "./signed-order-stream.js";
import { waitForLedger, type LedgerOutcome } from "./wait-for-ledger.js";

export const benchShop = "bench-shop.myshopify.com";
const customers = 3000;
const warmupSeconds = 2;
/** Webhooks the worker drains for the pipeline's rate: a fixed batch, so the phase's length does not grow with intake. */
const pipelineOrders = Number(process.env.BENCH_PIPELINE_ORDERS ?? 10_000);

export interface BenchSetup {
  secret: string;
  intakeDb: string;
  syncDb: string;
  redisUrl: string;
  prefix: string;
}

export async function prepareBenchDatabase(url: string): Promise<void> {
  await dropDatabase(url);
  await migrateDatabase(url, true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO shop (domain, name, status, scopes, currency_code, iana_timezone, updated_at)
     VALUES ($1, 'Bench Shop', 'installed', 'read_orders', 'USD', 'UTC', now())`,
    [benchShop],
  );
  await client.end();
}

const orderStream = (setup: BenchSetup, firstOrderId: number) =>
  createSignedOrderStream({ shop: benchShop, secret: setup.secret, customers, firstOrderId });

/** Starts one server, warms it up, measures it, stops it. */
export async function measureServer(
  setup: BenchSetup,
  name: string,
  script: string,
  seconds: number,
  firstOrderId: number,
): Promise<LoadResult> {
  const port = name === "bare-express" ? 3101 : 3102;
  const env = { PORT: String(port), DATABASE_URL: setup.syncDb, LOG_LEVEL: "warn", SHOPIFY_API_SECRET: setup.secret };
  const server = startBenchProcess(name, script, [], env);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, server);
    const stream = orderStream(setup, firstOrderId);
    await driveLoad(`http://127.0.0.1:${port}`, warmupSeconds, () => stream.next());
    console.log(`  measuring for ${seconds}s…`);
    return await driveLoad(`http://127.0.0.1:${port}`, seconds, () => stream.next());
  } finally {
    await server.stop();
  }
}

export interface PipelineResult {
  intake: LoadResult;
  withWorker: LoadResult;
  accepted: number;
  ledger: LedgerOutcome;
  bodyBytes: number;
}

/** Intake's own durability: every accepted webhook is an inbox row (nothing processes them in this step). */
async function inboxRowsMissing(databaseUrl: string, accepted: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_inbox");
    return Math.max(0, accepted - (rows[0]?.n ?? 0));
  } finally {
    await client.end();
  }
}

/** Empties the inbox and its queue keys between the intake measurement and the pipeline's batch. */
async function clearInbox(setup: BenchSetup): Promise<void> {
  const client = new pg.Client({ connectionString: setup.intakeDb });
  await client.connect();
  try {
    await client.query("TRUNCATE webhook_inbox");
  } finally {
    await client.end();
  }
  await deleteKeysWithPrefix(setup.redisUrl, setup.prefix);
}

/**
 * Intake is measured with no worker running (in production workers run on their own machines; here they would
 * share the same two cores) and checked for durability (every 200 is an inbox row). Then a fixed batch of
 * BENCH_PIPELINE_ORDERS webhooks goes in and a worker drains it: first webhook to last ledger entry is the
 * pipeline's rate. Last, a shorter run with the worker busy alongside (niced, as a shared machine would run it),
 * after which every accepted webhook of the batch and that run must reach the ledger once.
 */
export async function measureIntakeAndPipeline(
  setup: BenchSetup,
  seconds: number,
  concurrentSeconds: number,
): Promise<PipelineResult> {
  const env = {
    LOG_LEVEL: "warn",
    SHOPIFY_API_SECRET: setup.secret,
    DATABASE_URL: setup.intakeDb,
    REDIS_PREFIX: setup.prefix,
    NODE_ENV: "production",
  };
  const web = startBenchProcess("afterglow-web", "server/main.ts", ["web"], { ...env, PORT: "3103" });
  const url = "http://127.0.0.1:3103";
  let worker: ReturnType<typeof startBenchProcess> | undefined;
  try {
    await waitForHttp(`${url}/healthz`, web);
    const stream = orderStream(setup, 3_000_000);
    const warm = await driveLoad(url, warmupSeconds, () => stream.next());
    console.log(`  measuring intake for ${seconds}s…`);
    const intake = await driveLoad(url, seconds, () => stream.next());
    const intakeLost = await inboxRowsMissing(
      setup.intakeDb,
      warm.acceptedOrderIds.length + intake.acceptedOrderIds.length,
    );
    await clearInbox(setup);
    const startedAt = Date.now();
    const batch = await driveLoad(url, 600, () => stream.next(), 50, pipelineOrders);
    worker = startBenchProcess(
      "afterglow-worker",
      "server/main.ts",
      ["worker"],
      { ...env, WORKER_CONCURRENCY: "16" },
      { nice: 10 },
    );
    console.log(`  worker draining a batch of ${batch.acceptedOrderIds.length} webhooks…`);
    const drained = await waitForLedger(setup.intakeDb, batch.acceptedOrderIds, startedAt);
    console.log(`  measuring intake for ${concurrentSeconds}s with the worker busy alongside…`);
    const withWorker = await driveLoad(url, concurrentSeconds, () => stream.next());
    const accepted = [...batch.acceptedOrderIds, ...withWorker.acceptedOrderIds];
    const ledger = await waitForLedger(setup.intakeDb, accepted, startedAt);
    return {
      intake,
      withWorker,
      accepted: warm.acceptedOrderIds.length + intake.acceptedOrderIds.length + accepted.length,
      ledger: { ...ledger, lost: ledger.lost + intakeLost, ordersPerSecond: drained.ordersPerSecond },
      bodyBytes: stream.bodyBytes(),
    };
  } finally {
    await web.stop();
    await worker?.stop();
  }
}
