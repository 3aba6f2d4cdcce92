// Turns the coupon benchmark's timings and the extension's bundle size into latest.json's keys and a line of text.
import { giveUpMs, type CouponCpuPerOrder, type CouponReadyResult } from "./measure-coupon-ready.js";

/** Nearest-rank percentile of a list of milliseconds; null when there is nothing to rank. */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length))) - 1] ?? null;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** The app's CPU per order (web, worker, their database backends, Redis), apart from the simulator's and the load's. */
function cpuFigures(cpu: CouponCpuPerOrder) {
  return {
    coupon_cpu_ms_per_order: tenths(cpu.web + cpu.worker + cpu.postgres + cpu.redis),
    coupon_cpu_web_ms_per_order: tenths(cpu.web),
    coupon_cpu_worker_ms_per_order: tenths(cpu.worker),
    coupon_cpu_postgres_ms_per_order: tenths(cpu.postgres),
    coupon_cpu_redis_ms_per_order: tenths(cpu.redis),
    coupon_cpu_simulator_ms_per_order: tenths(cpu.simulator),
    coupon_cpu_load_generator_ms_per_order: tenths(cpu.loadGenerator),
  };
}

export function reportCouponBench(coupons: CouponReadyResult, extensionBundleGzBytes: number, targetRate: number) {
  // An order never ready counts as the give-up time, so a percentile it reaches reads "at least 60 s", not less.
  const followed = [...coupons.readyMs, ...Array.from({ length: coupons.notReady }, () => giveUpMs)];
  const results = {
    extension_bundle_gz_bytes: extensionBundleGzBytes,
    coupon_ready_p50_ms: percentile(followed, 0.5),
    coupon_ready_p99_ms: percentile(followed, 0.99),
    coupon_ready_max_ms: percentile(followed, 1),
    coupon_ready_samples: coupons.readyMs.length,
    coupon_not_ready: coupons.notReady,
    coupon_issued_p50_ms: percentile(coupons.issuedMs, 0.5),
    coupon_issued_p99_ms: percentile(coupons.issuedMs, 0.99),
    coupon_not_issued: coupons.notIssued,
    coupon_target_orders_per_s: targetRate,
    coupon_orders_per_s: Math.round(coupons.ordersPerSecond),
    coupon_accepted: coupons.accepted,
    coupon_non_2xx: coupons.non2xx,
    ...cpuFigures(coupons.cpuMsPerOrder),
    coupon_follow_up_drain_s: coupons.followUpDrainSeconds === null ? null : tenths(coupons.followUpDrainSeconds),
    coupon_pipeline_cpu_ms_per_order: tenths(coupons.pipelineCpuMsPerOrder),
  };
  console.log(
    `coupons: ${results.coupon_accepted} orders/create at ${results.coupon_orders_per_s}/s; ` +
      `ready at checkout p50 ${results.coupon_ready_p50_ms} ms, p99 ${results.coupon_ready_p99_ms} ms ` +
      `(${results.coupon_ready_samples} followed, ${results.coupon_not_ready} never ready); ` +
      `issued p99 ${results.coupon_issued_p99_ms} ms over all (${results.coupon_not_issued} not issued); ` +
      `app CPU ${results.coupon_cpu_ms_per_order} ms per order (web ${results.coupon_cpu_web_ms_per_order}, ` +
      `worker ${results.coupon_cpu_worker_ms_per_order}, postgres ${results.coupon_cpu_postgres_ms_per_order}, ` +
      `redis ${results.coupon_cpu_redis_ms_per_order}); ` +
      `not the app: simulator ${results.coupon_cpu_simulator_ms_per_order}, ` +
      `load generator ${results.coupon_cpu_load_generator_ms_per_order}; ` +
      `extension ${extensionBundleGzBytes} bytes gzipped; the work that waited (emails, points, campaigns) ` +
      `drained ${results.coupon_follow_up_drain_s} s after the load, ${results.coupon_pipeline_cpu_ms_per_order} ms ` +
      `app CPU per order in all`,
  );
  return results;
}
