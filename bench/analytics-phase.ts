// Bench phase "analytics": import N simulated past orders through the real worker, then time every measure route.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { mintSessionToken } from "../scripts/shopify-simulator/create-shopify-simulator.js";
import { migrateDatabase } from "../scripts/db-migrate.js";
import { measureNames } from "../server/domain/analytics/measure-definitions.js";
import type { AppConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { firstStdoutLine, startAppOnSimulator, startBenchProcess, type BenchProcess } from "./bench-processes.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { percentile } from "./report-coupon-bench.js";

const appPort = 3106;
const simPort = 3107;
const historyOrders = Number(process.env.BENCH_HISTORY_ORDERS ?? 100_000);
/** Timed requests per route, after two untimed ones (connection set-up, first plans). */
const requestsPerRoute = Number(process.env.BENCH_ANALYTICS_REQUESTS ?? 40);
const importGiveUpMs = 30 * 60_000;

async function startSimulator(base: AppConfig): Promise<{ sim: BenchProcess; url: string; domain: string }> {
  const sim = startBenchProcess("analytics-simulator", "bench/analytics-bench-simulator.ts", [], {
    SIMULATOR_PORT: String(simPort),
    SHOPIFY_API_KEY: base.SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: base.SHOPIFY_API_SECRET,
    APP_URL: `http://127.0.0.1:${appPort}`,
    BENCH_HISTORY_ORDERS: String(historyOrders),
  });
  const line = await firstStdoutLine(sim);
  return { sim, ...(JSON.parse(line) as { url: string; domain: string }) };
}

/** Seconds from the install to the import row reading completed (the export, the download and every batch). */
async function timeImport(databaseUrl: string, simUrl: string, domain: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    const response = await fetch(`${simUrl}/_simulator/shops/${domain}/install`, { method: "POST" });
    if (!response.ok) throw new Error(`installing on ${domain} failed: HTTP ${response.status}`);
    for (;;) {
      const { rows } = await client.query<{ status: string; orders_done: number; last_error: string | null }>(
        `SELECT status, orders_done, last_error FROM history_import`,
      );
      const row = rows[0];
      if (row?.status === "completed") return { seconds: (Date.now() - started) / 1000, orders: row.orders_done };
      if (row?.status === "failed") throw new Error(`the import failed: ${row.last_error}`);
      if (Date.now() - started > importGiveUpMs) throw new Error("the import did not finish in 30 minutes");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

/** p95 of each route's answer time over the default period (the last twelve months, as the dashboard opens). */
async function timeRoutes(base: AppConfig, domain: string): Promise<Record<string, number | null>> {
  const routes = [...measureNames, "summary"];
  const p95: Record<string, number | null> = {};
  for (const route of routes) {
    const times: number[] = [];
    for (let n = 0; n < requestsPerRoute + 2; n += 1) {
      const token = mintSessionToken({
        shop: domain,
        apiKey: base.SHOPIFY_API_KEY,
        apiSecret: base.SHOPIFY_API_SECRET,
      });
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${appPort}/api/analytics/${route}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET /api/analytics/${route} answered ${response.status}`);
      if (n >= 2) times.push(performance.now() - started);
    }
    p95[route] = Math.round((percentile(times, 0.95) ?? 0) * 10) / 10;
  }
  return p95;
}

export async function measureAnalyticsPhase(base: AppConfig, databaseUrl: string) {
  console.log(`analytics: import ${historyOrders} past orders through the worker, then each measure route's p95`);
  const prefix = `afterglow-bench-analytics-${randomBytes(3).toString("hex")}`;
  await dropDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, true);
  const processes: BenchProcess[] = [];
  try {
    const simulator = await startSimulator(base);
    processes.push(simulator.sim);
    const app = await startAppOnSimulator({
      name: "analytics",
      apiKey: base.SHOPIFY_API_KEY,
      secret: base.SHOPIFY_API_SECRET,
      simulatorUrl: simulator.url,
      appPort,
      databaseUrl,
      redisPrefix: prefix,
    });
    processes.push(...app);
    const imported = await timeImport(databaseUrl, simulator.url, simulator.domain);
    const p95 = await timeRoutes(base, simulator.domain);
    const results = {
      import_orders: imported.orders,
      import_100k_orders_seconds: Math.round(imported.seconds * 10) / 10,
      measure_p95_ms: p95,
      measure_p95_max_ms: Math.max(...Object.values(p95).map((ms) => ms ?? 0)),
      measure_requests_per_route: requestsPerRoute,
    };
    console.log(`analytics: imported ${imported.orders} orders in ${results.import_100k_orders_seconds} s`);
    for (const [route, ms] of Object.entries(p95)) console.log(`  GET /api/analytics/${route}: p95 ${ms} ms`);
    return results;
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await deleteKeysWithPrefix(base.REDIS_URL, prefix);
    if (!process.env.BENCH_ANALYTICS_KEEP_DB) await dropDatabase(databaseUrl);
  }
}
