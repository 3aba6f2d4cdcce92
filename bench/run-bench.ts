// `npm run bench`: intake vs bare Express vs in-request work, and the whole pipeline, on the real services.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { migrateDatabase } from "../scripts/db-migrate.js";
import { checkPostgres, checkRedis } from "../server/check-dependencies.js";
import { loadConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { startBenchProcess, waitForHttp } from "./bench-processes.js";
import { driveLoad, type LoadResult } from "./drive-load.js";
import { createSignedOrderStream } from "./signed-order-stream.js";
import { waitForLedger } from "./wait-for-ledger.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";

const shop = "bench-shop.myshopify.com";
const intakeSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const ceilingSeconds = Number(process.env.BENCH_CEILING_SECONDS ?? 10);
const warmupSeconds = 2;
const customers = 3000;

async function prepareDatabase(url: string): Promise<void> {
  await dropDatabase(url);
  await migrateDatabase(url, true);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO shop (domain, name, status, scopes, currency_code, iana_timezone, updated_at)
     VALUES ($1, 'Bench Shop', 'installed', 'read_orders', 'USD', 'UTC', now())`,
    [shop],
  );
  await client.end();
}

async function measure(
  label: string,
  url: string,
  seconds: number,
  stream: ReturnType<typeof createSignedOrderStream>,
) {
  await driveLoad(url, warmupSeconds, () => stream.next());
  console.log(`  measuring ${label} for ${seconds}s…`);
  return driveLoad(url, seconds, () => stream.next());
}

async function main(): Promise<void> {
  const base = loadConfig();
  await checkPostgres(base.DATABASE_URL.replace(/\/[^/]*$/, "/postgres"), { migrations: false });
  await checkRedis(base.REDIS_URL);
  const intakeDb = base.DATABASE_URL.replace(/\/[^/?]*(\?.*)?$/, "/afterglow_bench$1");
  const syncDb = base.DATABASE_URL.replace(/\/[^/?]*(\?.*)?$/, "/afterglow_bench_sync$1");
  const prefix = `afterglow-bench-${randomBytes(3).toString("hex")}`;
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  console.log("Preparing databases…");
  await prepareDatabase(intakeDb);
  await prepareDatabase(syncDb);
  const secret = base.SHOPIFY_API_SECRET;
  const common = { LOG_LEVEL: "warn", SHOPIFY_API_SECRET: secret, NODE_ENV: "production" };

  console.log("1/3 bare Express ceiling");
  const bare = startBenchProcess("bare-express", "bench/bare-express-server.ts", [], { PORT: "3101" });
  await waitForHttp("http://127.0.0.1:3101/", bare);
  const ceiling = await measure(
    "bare Express",
    "http://127.0.0.1:3101",
    ceilingSeconds,
    createSignedOrderStream({ shop, secret, customers, firstOrderId: 1_000_000 }),
  );
  await bare.stop();

  console.log("2/3 synchronous baseline (work inside the request)");
  const sync = startBenchProcess("sync-baseline", "bench/sync-baseline-server.ts", [], {
    ...common,
    PORT: "3102",
    DATABASE_URL: syncDb,
  });
  await waitForHttp("http://127.0.0.1:3102/", sync);
  const baseline = await measure(
    "sync baseline",
    "http://127.0.0.1:3102",
    ceilingSeconds,
    createSignedOrderStream({ shop, secret, customers, firstOrderId: 2_000_000 }),
  );
  await sync.stop();

  console.log("3/3 Afterglow intake, with a worker processing concurrently");
  const appEnv = { ...common, DATABASE_URL: intakeDb, REDIS_PREFIX: prefix, PORT: "3103" };
  const web = startBenchProcess("afterglow-web", "server/main.ts", ["web"], appEnv);
  const workerEnv = { ...appEnv, WORKER_CONCURRENCY: "16" };
  // BENCH_WORKER=after measures intake alone and starts the worker once the load stops.
  const workerAfter = process.env.BENCH_WORKER === "after";
  let worker = workerAfter ? undefined : startBenchProcess("afterglow-worker", "server/main.ts", ["worker"], workerEnv);
  await waitForHttp("http://127.0.0.1:3103/healthz", web);
  const intakeStream = createSignedOrderStream({ shop, secret, customers, firstOrderId: 3_000_000 });
  const startedAt = Date.now();
  const warm = await driveLoad("http://127.0.0.1:3103", warmupSeconds, () => intakeStream.next());
  console.log(`  measuring Afterglow intake for ${intakeSeconds}s…`);
  const intake = await driveLoad("http://127.0.0.1:3103", intakeSeconds, () => intakeStream.next());
  const accepted = [...warm.acceptedOrderIds, ...intake.acceptedOrderIds];
  worker ??= startBenchProcess("afterglow-worker", "server/main.ts", ["worker"], workerEnv);
  console.log(`  waiting for ${accepted.length} ledger entries…`);
  const ledger = await waitForLedger(intakeDb, accepted, startedAt);
  await web.stop();
  await worker.stop();
  await deleteKeysWithPrefix(base.REDIS_URL, prefix);

  const results = report({
    ceiling,
    baseline,
    intake,
    accepted: accepted.length,
    ledger,
    bodyBytes: intakeStream.bodyBytes(),
  });
  await writeFile(new URL("./results/latest.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
  await dropDatabase(syncDb);
  console.log("\nWrote bench/results/latest.json");
  const failed = results.lost > 0 || results.duplicated > 0;
  process.exit(failed ? 1 : 0);
}

function report(input: {
  ceiling: LoadResult;
  baseline: LoadResult;
  intake: LoadResult;
  accepted: number;
  ledger: Awaited<ReturnType<typeof waitForLedger>>;
  bodyBytes: number;
}) {
  const round = (value: number, digits = 2) => Number(value.toFixed(digits));
  const results = {
    intake_rps: round(input.intake.rps, 0),
    intake_p50_ms: input.intake.p50Ms,
    intake_p99_ms: input.intake.p99Ms,
    express_ceiling_rps: round(input.ceiling.rps, 0),
    sync_baseline_rps: round(input.baseline.rps, 0),
    e2e_orders_per_s: round(input.ledger.ordersPerSecond, 0),
    accepted: input.accepted,
    lost: input.ledger.lost,
    duplicated: input.ledger.duplicated,
    intake_vs_express: round(input.intake.rps / input.ceiling.rps),
    intake_vs_sync_baseline: round(input.intake.rps / input.baseline.rps),
    sync_baseline_p99_ms: input.baseline.p99Ms,
    express_ceiling_p99_ms: input.ceiling.p99Ms,
    intake_non_2xx: input.intake.non2xx,
    intake_errors: input.intake.errors + input.intake.timeouts,
    body_bytes: input.bodyBytes,
    connections: 50,
    intake_seconds: intakeSeconds,
    ceiling_seconds: ceilingSeconds,
    machine: { cpus: os.cpus().length, node: process.version },
    measured_at: new Date().toISOString(),
  };
  console.table({
    "bare Express (ceiling)": {
      "req/s": results.express_ceiling_rps,
      "p99 ms": results.express_ceiling_p99_ms,
      "x Express": 1,
    },
    "sync baseline (work in request)": {
      "req/s": results.sync_baseline_rps,
      "p99 ms": results.sync_baseline_p99_ms,
      "x Express": round(results.sync_baseline_rps / results.express_ceiling_rps),
    },
    "Afterglow intake (durable inbox)": {
      "req/s": results.intake_rps,
      "p99 ms": results.intake_p99_ms,
      "x Express": results.intake_vs_express,
    },
  });
  console.log(
    `pipeline: ${results.accepted} accepted, ${results.e2e_orders_per_s} orders/s end to end, ` +
      `${results.lost} lost, ${results.duplicated} duplicated; intake p50 ${results.intake_p50_ms} ms`,
  );
  return results;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
