// The worker's view of the webhook inbox: load a row, record each attempt and how it ended.
import type { PrismaClient } from "@prisma/client";

export function createWebhookInboxRepository(prisma: PrismaClient) {
  return {
    findById(id: bigint) {
      return prisma.webhookInbox.findUnique({ where: { id } });
    },
    async markProcessing(id: bigint) {
      await prisma.webhookInbox.update({
        where: { id },
        data: { status: "processing", attempts: { increment: 1 } },
      });
    },
    async markDone(id: bigint, status: "completed" | "skipped", outcome: string) {
      await prisma.webhookInbox.update({
        where: { id },
        data: { status, outcome, lastError: null, processedAt: new Date() },
      });
    },
    /** A failed attempt: final ones leave the row failed (for a manual retry), others return it to received. */
    async markAttemptFailed(id: bigint, error: string, final: boolean) {
      await prisma.webhookInbox.update({
        where: { id },
        data: { status: final ? "failed" : "received", lastError: error.slice(0, 4000) },
      });
    },
    /** Rows that should have been processed by now: their job was lost (Redis flushed) or never enqueued. */
    async findUnfinished(receivedBefore: Date, limit: number) {
      return prisma.webhookInbox.findMany({
        where: { status: { in: ["received", "processing"] }, receivedAt: { lt: receivedBefore } },
        select: { id: true, topic: true, shopDomain: true },
        orderBy: { id: "asc" },
        take: limit,
      });
    },
  };
}

export type WebhookInboxRepository = ReturnType<typeof createWebhookInboxRepository>;
