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

function counter<L extends string>(registry: Registry, name: string, help: string, label: L): Counter<L> {
  return new Counter({ name: `afterglow_${name}`, help, labelNames: [label], registers: [registry] });
}

function histogram<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  buckets: number[],
  labels: L[] = [],
) {
  return new Histogram<L>({ name: `afterglow_${name}`, help, buckets, labelNames: labels, registers: [registry] });
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhooksReceived: counter(registry, "webhooks_received_total", "Verified webhooks recorded in the inbox", "topic"),
    webhooksRejected: counter(registry, "webhooks_rejected_total", "Webhooks refused or ignored at intake", "reason"),
    webhooksDuplicate: counter(registry, "webhooks_duplicate_total", "Webhooks whose id was already recorded", "topic"),
    jobsCompleted: counter(registry, "jobs_completed_total", "Jobs completed, by kind", "kind"),
    jobsFailed: counter(registry, "jobs_failed_total", "Job attempts that failed, by kind", "kind"),
    jobLatency: histogram(
      registry,
      "job_latency_seconds",
      "From webhook receipt to job completion",
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      ["kind"],
    ),
    queueDepth: new Gauge({
      name: "afterglow_queue_depth",
      help: "Jobs in the webhook queue, by state",
      labelNames: ["state"],
      registers: [registry],
    }),
    intakeBatchRows: histogram(
      registry,
      "intake_batch_rows",
      "Webhooks committed by one group-commit INSERT",
      [1, 2, 4, 8, 16, 32, 64, 128, 256],
    ),
    intakeCommitSeconds: histogram(
      registry,
      "intake_commit_seconds",
      "Time for one group-commit INSERT to commit",
      [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
    ),
  };
}
