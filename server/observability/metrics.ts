// Prometheus metrics for intake and jobs, on one registry that /metrics serves.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  webhooksReceived: Counter<"topic">;
  webhooksRejected: Counter<"reason">;
  webhooksDuplicate: Counter<"topic">;
  jobsCompleted: Counter<"kind">;
  jobsFailed: Counter<"kind">;
  jobLatency: Histogram<"kind">;
  queueDepth: Gauge<"state">;
  intakeBatchRows: Histogram;
  intakeCommitSeconds: Histogram;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhooksReceived: new Counter({
      name: "afterglow_webhooks_received_total",
      help: "Verified webhooks recorded in the inbox",
      labelNames: ["topic"],
      registers: [registry],
    }),
    webhooksRejected: new Counter({
      name: "afterglow_webhooks_rejected_total",
      help: "Webhooks refused or ignored at intake, by reason",
      labelNames: ["reason"],
      registers: [registry],
    }),
    webhooksDuplicate: new Counter({
      name: "afterglow_webhooks_duplicate_total",
      help: "Webhooks whose id was already in the inbox",
      labelNames: ["topic"],
      registers: [registry],
    }),
    jobsCompleted: new Counter({
      name: "afterglow_jobs_completed_total",
      help: "Jobs completed, by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: "afterglow_jobs_failed_total",
      help: "Job attempts that failed, by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    jobLatency: new Histogram({
      name: "afterglow_job_latency_seconds",
      help: "From webhook receipt to job completion",
      labelNames: ["kind"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "afterglow_queue_depth",
      help: "Jobs in the webhook queue, by state",
      labelNames: ["state"],
      registers: [registry],
    }),
    intakeBatchRows: new Histogram({
      name: "afterglow_intake_batch_rows",
      help: "Webhooks committed together by one group-commit INSERT",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    intakeCommitSeconds: new Histogram({
      name: "afterglow_intake_commit_seconds",
      help: "Time for one group-commit INSERT to commit",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
      registers: [registry],
    }),
  };
}
