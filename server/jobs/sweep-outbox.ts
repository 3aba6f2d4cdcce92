// Finds outbox rows whose job Redis lost (or a crash left mid-send) and queues them again; nothing is lost.
import type { OutboxRepository } from "../domain/emails/outbox-repository.js";
import { scheduleEmail, type EmailQueue } from "./email-queue.js";

/** A send takes seconds; a row claimed this long ago belongs to a process that died. */
export const stuckSendingAfterMs = 10 * 60 * 1000;

export async function sweepOutbox(
  outbox: OutboxRepository,
  queue: EmailQueue,
  overdueBefore: Date,
  stuckBefore = new Date(Date.now() - stuckSendingAfterMs),
  batchSize = 1000,
): Promise<number> {
  const released = await outbox.releaseStuck(stuckBefore, batchSize);
  const overdue = await outbox.findOverdue(overdueBefore, batchSize);
  const ids = new Set([...released, ...overdue.map((row) => row.id)]);
  // Re-adding a job whose id still waits is a no-op, so sweeping a healthy queue is harmless.
  for (const id of ids) await scheduleEmail(queue, id, new Date());
  return ids.size;
}
