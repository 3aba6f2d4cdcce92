// `npm run bench`: Afterglow's intake against a bare Express ceiling and an in-request baseline, then the pipeline.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { checkPostgres, checkRedis } from "../server/check-dependencies.js";
import { loadConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { measureIntakeAndPipeline, measureServer, prepareBenchDatabase, type BenchSetup } from "./bench-phases.js";
import { measureCouponPhase } from "./coupon-phase.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { reportBench } from "./report-bench.js";

const seconds = {
  intake: Number(process.env.BENCH_SECONDS ?? 20),
  ceiling: Number(process.env.BENCH_CEILING_SECONDS ?? 10),
  concurrent: Number(process.env.BENCH_CONCURRENT_SECONDS ?? 10),
  coupons: Number(process.env.BENCH_COUPON_SECONDS ?? 25),
};
/** `npm run bench -- --coupons-only` runs just the coupon phase and writes bench/results/coupons.json. */
const couponsOnly = process.argv.includes("--coupons-only");

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
  const results = { ...reportBench({ ceiling, baseline, ...pipeline, seconds }), ...coupons };
  await writeFile(new URL("./results/latest.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
  console.log("\nWrote bench/results/latest.json");
  process.exit(results.lost > 0 || results.duplicated > 0 || results.coupon_not_ready > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
