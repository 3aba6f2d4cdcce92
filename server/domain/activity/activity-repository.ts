// What the admin's Activity screen reads and does: recent inbox rows, failed coupons, reopening a failed row.
import type { PrismaClient, WebhookStatus } from "@prisma/client";

export interface InboxActivityRow {
  id: string;
  topic: string;
  webhookId: string;
  status: WebhookStatus;
  attempts: number;
  lastError: string | null;
  outcome: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export interface FailedCouponRow {
  id: string;
  code: string;
  orderId: string;
  error: string | null;
  at: string;
}

// The inbox columns the admin shows: never the raw body.
const inboxActivitySelect = {
  id: true,
  topic: true,
  webhookId: true,
  status: true,
  attempts: true,
  lastError: true,
  outcome: true,
  receivedAt: true,
  processedAt: true,
} as const;

export function createActivityRepository(prisma: PrismaClient) {
  return {
    async recentWebhooks(shopDomain: string, status: WebhookStatus | undefined, limit: number) {
      const rows = await prisma.webhookInbox.findMany({
        where: { shopDomain, ...(status ? { status } : {}) },
        orderBy: { id: "desc" },
        take: limit,
        select: inboxActivitySelect,
      });
      return rows.map((row): InboxActivityRow => ({
        ...row,
        id: row.id.toString(),
        receivedAt: row.receivedAt.toISOString(),
        processedAt: row.processedAt?.toISOString() ?? null,
      }));
    },
    async failedCoupons(shopId: number, limit: number): Promise<FailedCouponRow[]> {
      const rows = await prisma.coupon.findMany({
        where: { shopId, status: "failed" },
        orderBy: { updatedAt: "desc" },
        take: limit,
      });
      return rows.map((row) => ({
        id: String(row.id),
        code: row.code,
        orderId: row.shopifyOrderId.toString(),
        error: row.lastError,
        at: row.updatedAt.toISOString(),
      }));
    },
    /** A failed row goes back to received (nothing else is touched), so the worker claims it again. */
    async reopenFailedWebhook(shopDomain: string, id: bigint): Promise<{ id: string; topic: string } | null> {
      const reopened = await prisma.webhookInbox.updateManyAndReturn({
        where: { id, shopDomain, status: "failed" },
        data: { status: "received" },
        select: { id: true, topic: true },
      });
      const row = reopened[0];
      return row ? { id: row.id.toString(), topic: row.topic } : null;
    },
    async webhookExists(shopDomain: string, id: bigint): Promise<boolean> {
      return (await prisma.webhookInbox.count({ where: { id, shopDomain } })) > 0;
    },
  };
}

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
