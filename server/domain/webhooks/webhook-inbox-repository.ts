// The worker's view of the webhook inbox: claim a row, record each attempt and how it ended.
import type { PrismaClient, WebhookStatus } from "@prisma/client";

export interface ClaimedInboxRow {
  id: bigint;
  shopDomain: string;
  webhookId: string;
  topic: string;
  triggeredAt: Date | null;
  rawBody: string;
  receivedAt: Date;
  attempts: number;
}

// Hot-path statements are raw SQL: Prisma's query compiler costs about 1 ms of CPU per ORM call,
// more than the rest of a job's work.
export function createWebhookInboxRepository(prisma: PrismaClient) {
  return {
    /**
     * Marks the row processing and counts the attempt, unless it is already finished (then null).
     * One statement, so a finished row is never reopened by a late duplicate job.
     */
    async claim(id: bigint): Promise<ClaimedInboxRow | null> {
      const rows = await prisma.$queryRaw<ClaimedInboxRow[]>`
        UPDATE webhook_inbox SET status = 'processing', attempts = attempts + 1
        WHERE id = ${id} AND status NOT IN ('completed', 'skipped')
        RETURNING id, shop_domain AS "shopDomain", webhook_id AS "webhookId", topic,
                  triggered_at AS "triggeredAt", raw_body AS "rawBody", received_at AS "receivedAt", attempts`;
      return rows[0] ?? null;
    },
    async statusOf(id: bigint): Promise<WebhookStatus | null> {
      const rows = await prisma.$queryRaw<
        { status: WebhookStatus }[]
      >`SELECT status FROM webhook_inbox WHERE id = ${id}`;
      return rows[0]?.status ?? null;
    },
    async markDone(id: bigint, status: "completed" | "skipped", outcome: string) {
      await prisma.$executeRaw`
        UPDATE webhook_inbox SET status = ${status}::"WebhookStatus", outcome = ${outcome}, last_error = NULL,
                                 processed_at = now()
        WHERE id = ${id}`;
    },
    /** A failed attempt: final ones leave the row failed (for a manual retry), others return it to received. */
    async markAttemptFailed(id: bigint, error: string, final: boolean) {
      const status = final ? "failed" : "received";
      await prisma.$executeRaw`
        UPDATE webhook_inbox SET status = ${status}::"WebhookStatus", last_error = ${error.slice(0, 4000)}
        WHERE id = ${id}`;
    },
    /** Rows that should have been processed by now: their job was lost (Redis flushed) or never enqueued. */
    async findUnfinished(receivedBefore: Date, limit: number) {
      return prisma.$queryRaw<{ id: bigint; topic: string; shopDomain: string }[]>`
        SELECT id, topic, shop_domain AS "shopDomain" FROM webhook_inbox
        WHERE status IN ('received', 'processing') AND received_at < ${receivedBefore}
        ORDER BY id LIMIT ${limit}`;
    },
  };
}

export type WebhookInboxRepository = ReturnType<typeof createWebhookInboxRepository>;
