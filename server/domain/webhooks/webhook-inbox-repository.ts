// The worker's view of the webhook inbox: claim a row, record each attempt and how it ended.
import type { WebhookStatus } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";

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

// Timestamp columns hold UTC without a zone (as Prisma writes them), hence AT TIME ZONE 'UTC' both ways.
// The per-job statements go straight to pg: through Prisma each cost about 1 ms of CPU (its query compiler),
// more than the rest of a job's work. Prisma keeps the schema, the migrations and the rest of the app.
export function createWebhookInboxRepository(pool: PgPool) {
  return {
    /**
     * Marks the row processing and counts the attempt, unless it is already finished (then null).
     * One statement, so a finished row is never reopened by a late duplicate job.
     */
    async claim(id: bigint): Promise<ClaimedInboxRow | null> {
      const result = await pool.query<ClaimedInboxRow & { id: string }>(
        `UPDATE webhook_inbox SET status = 'processing', attempts = attempts + 1
         WHERE id = $1 AND status NOT IN ('completed', 'skipped')
         RETURNING id::text AS id, shop_domain AS "shopDomain", webhook_id AS "webhookId", topic,
                   triggered_at AT TIME ZONE 'UTC' AS "triggeredAt", raw_body AS "rawBody",
                   received_at AT TIME ZONE 'UTC' AS "receivedAt", attempts`,
        [id.toString()],
      );
      const row = result.rows[0];
      return row ? { ...row, id: BigInt(row.id) } : null;
    },
    async statusOf(id: bigint): Promise<WebhookStatus | null> {
      const result = await pool.query<{ status: WebhookStatus }>("SELECT status FROM webhook_inbox WHERE id = $1", [
        id.toString(),
      ]);
      return result.rows[0]?.status ?? null;
    },
    async markDone(id: bigint, status: "completed" | "skipped", outcome: string): Promise<void> {
      await pool.query(
        `UPDATE webhook_inbox SET status = $2, outcome = $3, last_error = NULL, processed_at = now() WHERE id = $1`,
        [id.toString(), status, outcome],
      );
    },
    /** A failed attempt: final ones leave the row failed (for a manual retry), others return it to received. */
    async markAttemptFailed(id: bigint, error: string, final: boolean): Promise<void> {
      await pool.query("UPDATE webhook_inbox SET status = $2, last_error = $3 WHERE id = $1", [
        id.toString(),
        final ? "failed" : "received",
        error.slice(0, 4000),
      ]);
    },
    /** Rows that should have been processed by now: their job was lost (Redis flushed) or never enqueued. */
    async findUnfinished(receivedBefore: Date, limit: number): Promise<{ id: string; topic: string }[]> {
      const result = await pool.query<{ id: string; topic: string }>(
        `SELECT id::text AS id, topic FROM webhook_inbox
         WHERE status IN ('received', 'processing') AND received_at < ($1::timestamptz AT TIME ZONE 'UTC')
         ORDER BY id LIMIT $2`,
        [receivedBefore.toISOString(), limit],
      );
      return result.rows;
    },
  };
}

export type WebhookInboxRepository = ReturnType<typeof createWebhookInboxRepository>;
