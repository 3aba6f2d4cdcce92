// Pauses this process's other workers while thank-you jobs wait for a slot, so in a sale coupons come first.
import type { Queue, Worker } from "bullmq";
import type { Logger } from "pino";

export interface YieldOptions {
  intervalMs?: number;
  /** Quiet checks in a row before the others resume: a sale's backlog comes and goes between intake batches. */
  quietChecksToResume?: number;
}

/**
 * Strict priority across queues, which BullMQ leaves to us: on a machine with spare CPU the thank-you queue never
 * has a backlog and nothing pauses; when CPU runs short, emails, points and the rest wait instead of the shopper.
 * What waits is not lost: it is queued in Redis and in the inbox, and resumes once the thank-you queue is drained.
 * A paused BullMQ worker still takes the one job its blocked fetch was waiting for, so one job per worker may slip by.
 */
export function yieldToThankYouBacklog(
  thankYouQueue: Pick<Queue, "getWaitingCount">,
  others: Pick<Worker, "pause" | "resume">[],
  logger: Logger,
  options: YieldOptions = {},
) {
  const intervalMs = options.intervalMs ?? 200;
  const quietChecksToResume = options.quietChecksToResume ?? 3;
  let paused = false;
  let quietChecks = 0;
  let checking = false;

  async function check() {
    const waiting = await thankYouQueue.getWaitingCount();
    quietChecks = waiting > 0 ? 0 : quietChecks + 1;
    if (waiting > 0 && !paused) {
      paused = true;
      logger.info({ waiting }, "thank-you jobs are waiting: other queues pause");
      await Promise.all(others.map((worker) => worker.pause(true)));
    } else if (paused && quietChecks >= quietChecksToResume) {
      paused = false;
      logger.info("thank-you queue drained: other queues resume");
      await Promise.all(others.map((worker) => worker.resume()));
    }
  }

  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    check()
      .catch((error: unknown) => logger.warn({ err: error }, "thank-you backlog check failed"))
      .finally(() => {
        checking = false;
      });
  }, intervalMs);
  timer.unref();

  return {
    isYielding: () => paused,
    async stop(): Promise<void> {
      clearInterval(timer);
      if (paused) await Promise.all(others.map((worker) => worker.resume()));
      paused = false;
    },
  };
}
