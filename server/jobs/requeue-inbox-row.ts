// Puts one inbox row back on the webhook queue for a manual retry, replacing its finished (failed) job.
import { enqueueInboxRows, jobIdForInboxRow, type WebhookQueue } from "./webhook-queue.js";

/** BullMQ ignores an add whose job id still exists, so the old failed job is removed first. */
export async function requeueInboxRow(queue: WebhookQueue, row: { id: string; topic: string }): Promise<void> {
  const existing = await queue.getJob(jobIdForInboxRow(row.id));
  if (existing) {
    const state = await existing.getState();
    // A job still waiting or running will claim the reopened row itself.
    if (state === "waiting" || state === "active" || state === "delayed" || state === "prioritized") return;
    await existing.remove();
  }
  await enqueueInboxRows(queue, [row]);
}
