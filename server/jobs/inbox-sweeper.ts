// Re-enqueues inbox rows that were received but never finished, so losing Redis's contents loses no event.
import type { Logger } from "pino";
import type { WebhookInboxRepository } from "../domain/webhooks/webhook-inbox-repository.js";
import { enqueueInboxRows, type WebhookQueue } from "./webhook-queue.js";

export interface InboxSweeperOptions {
  /** Rows younger than this are left to the normal path (their job is probably queued). */
  olderThanMs: number;
  intervalMs: number;
  batchSize?: number;
}

/** Re-adding a job whose id still exists is a no-op in BullMQ, so sweeping a healthy queue is harmless. */
export async function sweepInbox(
  inbox: WebhookInboxRepository,
  queue: WebhookQueue,
  olderThanMs: number,
  batchSize = 1000,
): Promise<number> {
  const rows = await inbox.findUnfinished(new Date(Date.now() - olderThanMs), batchSize);
  await enqueueInboxRows(queue, rows);
  return rows.length;
}

/** Also given other work that must not be lost with Redis (pending coupons): re-enqueues rows older than a date. */
export type ExtraSweep = (olderThan: Date) => Promise<number>;

export function startInboxSweeper(
  inbox: WebhookInboxRepository,
  queue: WebhookQueue,
  extraSweep: ExtraSweep,
  options: InboxSweeperOptions,
  logger: Logger,
): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined;
  const sweepAll = async () => {
    const rows = await sweepInbox(inbox, queue, options.olderThanMs, options.batchSize);
    const others = await extraSweep(new Date(Date.now() - options.olderThanMs));
    return rows + others;
  };
  const tick = () => {
    if (running) return;
    running = sweepAll()
      .then((count) => {
        if (count > 0) logger.info({ count }, "sweeper re-enqueued unfinished inbox rows and pending coupons");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "inbox sweep failed; will try again"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
