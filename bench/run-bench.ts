// `npm run bench`: Afterglow's intake against a bare Express ceiling and an in-request baseline, then the pipeline.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { checkPostgres, checkRedis } from "../server/check-dependencies.js";
import { loadConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { measureIntakeAndPipeline, measureServer, prepareBenchDatabase, type BenchSetup } from "./bench-phases.js";
import { measureAnalyticsPhase } from "./analytics-phase.js";
import { measureCouponPhase } from "./coupon-phase.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { emailsPhaseFailed, measureEmailsPhase } from "./emails-phase.js";
import { ledgerWritesFailed, measureLedgerWrites } from "./ledger-writes-phase.js";
import { reportBench } from "./report-bench.js";

const seconds = {
  intake: Number(process.env.BENCH_SECONDS ?? 20),
  ceiling: Number(process.env.BENCH_CEILING_SECONDS ?? 10),
  concurrent: Number(process.env.BENCH_CONCURRENT_SECONDS ?? 5),
  coupons: Number(process.env.BENCH_COUPON_SECONDS ?? 25),
  ledger: Number(process.env.BENCH_LEDGER_SECONDS ?? 10),
  emails: Number(process.env.BENCH_EMAIL_SECONDS ?? 10),
};
const ledgerOptions = {
  seconds: seconds.ledger,
  workers: Number(process.env.BENCH_LEDGER_WORKERS ?? 16),
  customers: Number(process.env.BENCH_LEDGER_CUSTOMERS ?? 40),
};
const emailOptions = {
  seconds: seconds.emails,
  ordersPerSecond: Number(process.env.BENCH_EMAIL_ORDERS_PER_S ?? 10),
  drainSeconds: Number(process.env.BENCH_EMAIL_DRAIN_SECONDS ?? 180),
};
/** `npm run bench -- --coupons-only` runs just the coupon phase and writes bench/results/coupons.json. */
const couponsOnly = process.argv.includes("--coupons-only");
/** `npm run bench -- --only=ledger` runs just the ledger writes phase and writes bench/results/ledger.json. */
const ledgerOnly = process.argv.includes("--only=ledger");
/** `npm run bench -- --only=emails` runs just the emails phase and writes bench/results/emails.json. */
const emailsOnly = process.argv.includes("--only=emails");
/** `npm run bench -- --only=analytics` runs just the history import and measure routes (bench/results/analytics.json). */
const analyticsOnly = process.argv.includes("--only=analytics");

async function main(): Promise<void> {
  const base = loadConfig();
  await checkPostgres(base.DATABASE_URL.replace(/\/[^/]*$/, "/postgres"), { migrations: false });
  await checkRedis(base.REDIS_URL);
  const withDatabase = (name: string) => base.DATABASE_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
  const setup: BenchSetup = {
    secret: base.SHOPIFY_API_SECRET,
    intakeDb: withDatabase("afterglow_bench"),
    syncDb: withDatabase("afterglow_bench_sync"),
    redisUrl: base.REDIS_URL,
    prefix: `afterglow-bench-${randomBytes(3).toString("hex")}`,
  };
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  if (couponsOnly) {
    const coupons = await measureCouponPhase(base, withDatabase("afterglow_bench_coupons"), seconds.coupons);
    await writeFile(new URL("./results/coupons.json", import.meta.url), JSON.stringify(coupons, null, 2) + "\n");
    process.exit(coupons.coupon_not_ready > 0 ? 1 : 0);
  }
  if (ledgerOnly) {
    const ledger = await measureLedgerWrites(withDatabase("afterglow_bench_ledger"), ledgerOptions);
    await writeFile(new URL("./results/ledger.json", import.meta.url), JSON.stringify(ledger, null, 2) + "\n");
    process.exit(ledgerWritesFailed(ledger) ? 1 : 0);
  }
  if (emailsOnly) {
    const emails = await measureEmailsPhase(base, withDatabase("afterglow_bench_emails"), emailOptions);
    await writeFile(new URL("./results/emails.json", import.meta.url), JSON.stringify(emails, null, 2) + "\n");
    process.exit(emailsPhaseFailed(emails) ? 1 : 0);
  }
  if (analyticsOnly) {
    const analytics = await measureAnalyticsPhase(base, withDatabase("afterglow_bench_analytics"));
    await writeFile(new URL("./results/analytics.json", import.meta.url), JSON.stringify(analytics, null, 2) + "\n");
    process.exit(0);
  }
  console.log("Preparing databases…");
  await prepareBenchDatabase(setup.intakeDb);
  await prepareBenchDatabase(setup.syncDb);

  console.log("1/4 bare Express ceiling (reads the raw body, answers 200)");
  const ceiling = await measureServer(
    setup,
    "bare-express",
    "bench/bare-express-server.ts",
    seconds.ceiling,
    1_000_000,
  );
  console.log("2/4 synchronous baseline (verifies and does the order's work inside the request)");
  const baseline = await measureServer(
    setup,
    "sync-baseline",
    "bench/sync-baseline-server.ts",
    seconds.ceiling,
    2_000_000,
  );
  console.log("3/4 Afterglow intake, then the pipeline");
  const pipeline = await measureIntakeAndPipeline(setup, seconds.intake, seconds.concurrent);
  await deleteKeysWithPrefix(setup.redisUrl, setup.prefix);
  await dropDatabase(setup.syncDb);

  const coupons = await measureCouponPhase(base, withDatabase("afterglow_bench_coupons"), seconds.coupons);
  const ledger = await measureLedgerWrites(withDatabase("afterglow_bench_ledger"), ledgerOptions);
  const emails = await measureEmailsPhase(base, withDatabase("afterglow_bench_emails"), emailOptions);
  const analytics = await measureAnalyticsPhase(base, withDatabase("afterglow_bench_analytics"));
  const results = {
    ...reportBench({ ceiling, baseline, ...pipeline, seconds }),
    ...coupons,
    ...ledger,
    ...emails,
    ...analytics,
  };
  await writeFile(new URL("./results/latest.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
  console.log("\nWrote bench/results/latest.json");
  const failed =
    results.lost > 0 ||
    results.unfinished > 0 ||
    results.duplicated > 0 ||
    results.coupon_not_ready > 0 ||
    ledgerWritesFailed(ledger) ||
    emailsPhaseFailed(emails);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
