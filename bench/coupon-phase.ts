// Phase 4 of `npm run bench`: the extension's compressed size, and how soon after checkout a thank-you code is ready.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExtension } from "../extensions/thank-you-coupon/build-extension.js";
import type { AppConfig } from "../server/config/load-config.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { deleteKeysWithPrefix } from "./delete-keys-with-prefix.js";
import { measureCouponReady } from "./measure-coupon-ready.js";
import { reportCouponBench } from "./report-coupon-bench.js";

const ordersPerSecond = Number(process.env.BENCH_COUPON_RATE ?? 200);

async function bundleGzipBytes(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "afterglow-bench-extension-"));
  try {
    return (await buildExtension({ outfile: join(dir, "thank-you-coupon.js") })).gzipBytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureCouponPhase(base: AppConfig, databaseUrl: string, seconds: number) {
  console.log(`4/4 thank-you coupons: orders/create at ${ordersPerSecond}/s, until each code is ready at checkout`);
  const gzipBytes = await bundleGzipBytes();
  const setup = {
    apiKey: base.SHOPIFY_API_KEY,
    secret: base.SHOPIFY_API_SECRET,
    databaseUrl,
    redisUrl: base.REDIS_URL,
    prefix: `afterglow-bench-coupons-${randomBytes(3).toString("hex")}`,
  };
  try {
    const measured = await measureCouponReady(setup, {
      ordersPerSecond,
      seconds,
      sampleEvery: 20,
      pollIntervalMs: 200,
    });
    return reportCouponBench(measured, gzipBytes, ordersPerSecond);
  } finally {
    await deleteKeysWithPrefix(base.REDIS_URL, setup.prefix);
    await dropDatabase(databaseUrl);
  }
}
