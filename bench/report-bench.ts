// Turns the phases' numbers into bench/results/latest.json's keys and a table on the terminal.
import os from "node:os";
import type { LoadResult } from "./drive-load.js";
import type { PipelineResult } from "./bench-phases.js";

export interface BenchInput extends PipelineResult {
  ceiling: LoadResult;
  baseline: LoadResult;
  seconds: { intake: number; ceiling: number; concurrent: number };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function reportBench(input: BenchInput) {
  const { ceiling, baseline, intake, withWorker } = input;
  const results = {
    intake_rps: round(intake.rps, 0),
    intake_p50_ms: intake.p50Ms,
    intake_p99_ms: intake.p99Ms,
    express_ceiling_rps: round(ceiling.rps, 0),
    sync_baseline_rps: round(baseline.rps, 0),
    e2e_orders_per_s: round(input.ledger.ordersPerSecond, 0),
    accepted: input.accepted,
    lost: input.ledger.lost,
    unfinished: input.ledger.unfinished,
    duplicated: input.ledger.duplicated,
    intake_vs_express: round(intake.rps / ceiling.rps),
    intake_vs_sync_baseline: round(intake.rps / baseline.rps, 1),
    intake_with_worker_rps: round(withWorker.rps, 0),
    intake_with_worker_p99_ms: withWorker.p99Ms,
    intake_with_worker_vs_express: round(withWorker.rps / ceiling.rps),
    express_ceiling_p99_ms: ceiling.p99Ms,
    sync_baseline_p99_ms: baseline.p99Ms,
    intake_non_2xx: intake.non2xx + withWorker.non2xx,
    intake_errors: intake.errors + intake.timeouts + withWorker.errors + withWorker.timeouts,
    body_bytes: input.bodyBytes,
    connections: 50,
    seconds: input.seconds,
    machine: { cpus: os.cpus().length, node: process.version },
    measured_at: new Date().toISOString(),
  };
  const row = (load: LoadResult) => ({
    "req/s": round(load.rps, 0),
    "p50 ms": load.p50Ms,
    "p99 ms": load.p99Ms,
    "x Express": round(load.rps / ceiling.rps),
  });
  console.table({
    "bare Express (ceiling)": row(ceiling),
    "sync baseline (work in request)": row(baseline),
    "Afterglow intake (durable inbox)": row(intake),
    "Afterglow intake, worker alongside": row(withWorker),
  });
  console.log(
    `pipeline: ${results.accepted} accepted, ${results.e2e_orders_per_s} orders/s from first webhook to last ledger entry, ` +
      `${results.lost} lost, ${results.duplicated} duplicated` +
      (results.unfinished > 0 ? `; ${results.unfinished} still queued when the drain's time ran out` : ""),
  );
  return results;
}
