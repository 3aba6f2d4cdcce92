// The email outbox in PostgreSQL: one row per email, claimed by one sender at a time with a single UPDATE.
import type { EmailStatus, Prisma, PrismaClient } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";

export interface NewOutboxRow {
  shopId: number;
  kind: string;
  dedupeKey: string;
  toAddress: string;
  language: string;
  promotional: boolean;
  customerId: number | null;
  shopifyOrderId: bigint | null;
  data: Prisma.InputJsonValue;
  sendAfter: Date;
  status: "queued" | "skipped";
  lastError: string | null;
}

export interface InsertedRow {
  id: number;
  status: EmailStatus;
  nextAttemptAt: Date;
}

const insertedColumns = `id, status, next_attempt_at AT TIME ZONE 'UTC' AS "nextAttemptAt"`;

export interface ClaimedEmail {
  id: number;
  shopId: number;
  kind: string;
  toAddress: string;
  language: string;
  promotional: boolean;
  customerId: number | null;
  shopifyOrderId: string | null;
  data: unknown;
  attempts: number;
  subject: string | null;
  html: string | null;
  text: string | null;
  messageId: string | null;
  createdAt: Date;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  messageId: string;
}

// Timestamp columns hold UTC without a zone (as Prisma writes them), hence AT TIME ZONE 'UTC' both ways.
const claimedColumns = `id, shop_id AS "shopId", kind, to_address AS "toAddress", language, promotional,
  customer_id AS "customerId", shopify_order_id::text AS "shopifyOrderId", data, attempts, subject, html, text,
  message_id AS "messageId", created_at AT TIME ZONE 'UTC' AS "createdAt"`;

const utcNow = "(now() AT TIME ZONE 'UTC')";

/** Adding a row, once per (shop, dedupe key). */
function outboxInsert(pool: PgPool) {
  return {
    /** Inserts the row unless (shop, dedupe key) exists; returns the row's id and status, and whether it is new. */
    async insert(row: NewOutboxRow): Promise<{ row: InsertedRow; created: boolean }> {
      // One statement on the per-event path (through Prisma each call cost about 1 ms of CPU).
      const inserted = await pool.query<InsertedRow>(
        `INSERT INTO email_outbox (shop_id, kind, dedupe_key, to_address, language, promotional, customer_id,
           shopify_order_id, data, status, send_after, next_attempt_at, last_error, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ($11::timestamptz AT TIME ZONE 'UTC'),
           ($11::timestamptz AT TIME ZONE 'UTC'), $12, ${utcNow})
         ON CONFLICT (shop_id, dedupe_key) DO NOTHING
         RETURNING ${insertedColumns}`,
        [
          row.shopId,
          row.kind,
          row.dedupeKey,
          row.toAddress,
          row.language,
          row.promotional,
          row.customerId,
          row.shopifyOrderId?.toString() ?? null,
          JSON.stringify(row.data),
          row.status,
          row.sendAfter.toISOString(),
          row.lastError,
        ],
      );
      const created = inserted.rows[0];
      if (created) return { row: created, created: true };
      const existing = await pool.query<InsertedRow>(
        `SELECT ${insertedColumns} FROM email_outbox WHERE shop_id = $1 AND dedupe_key = $2`,
        [row.shopId, row.dedupeKey],
      );
      const found = existing.rows[0];
      if (!found) throw new Error(`outbox row ${row.dedupeKey} neither inserted nor found`);
      return { row: found, created: false };
    },
  };
}

/** Reading rows. */
function outboxQueries(prisma: PrismaClient, pool: PgPool) {
  return {
    async stateOf(id: number): Promise<{ status: EmailStatus; nextAttemptAt: Date } | null> {
      const result = await pool.query<{ status: EmailStatus; nextAttemptAt: Date }>(
        `SELECT status, next_attempt_at AT TIME ZONE 'UTC' AS "nextAttemptAt" FROM email_outbox WHERE id = $1`,
        [id],
      );
      return result.rows[0] ?? null;
    },
    /** The other rows of the same order among these kinds (shipping milestones), with their status. */
    async orderNeighbours(email: { id: number; shopId: number; shopifyOrderId: string | null }, kinds: string[]) {
      if (email.shopifyOrderId === null || kinds.length === 0) return [];
      const result = await pool.query<{ kind: string; status: EmailStatus }>(
        `SELECT kind, status FROM email_outbox
         WHERE shop_id = $1 AND shopify_order_id = $2 AND kind = ANY($3::text[]) AND id <> $4`,
        [email.shopId, email.shopifyOrderId, kinds, email.id],
      );
      return result.rows;
    },
    findById(id: number) {
      return prisma.emailOutbox.findUnique({ where: { id } });
    },
    /** Newest first, for the activity screen; the cursor is the last id seen. */
    list(shopId: number, options: { status?: EmailStatus; afterId?: number; limit: number }) {
      return prisma.emailOutbox.findMany({
        where: {
          shopId,
          ...(options.status ? { status: options.status } : {}),
          ...(options.afterId ? { id: { lt: options.afterId } } : {}),
        },
        orderBy: { id: "desc" },
        take: options.limit,
      });
    },
  };
}

/** Rows going back to the queue: a job lost with Redis, a process that died mid-send, data not ready yet. */
function outboxSweeps(pool: PgPool) {
  return {
    /** Queued rows due long ago: their job was lost with Redis, or never added. */
    async findOverdue(dueBefore: Date, limit: number): Promise<{ id: number; nextAttemptAt: Date }[]> {
      const result = await pool.query<{ id: number; nextAttemptAt: Date }>(
        `SELECT id, next_attempt_at AT TIME ZONE 'UTC' AS "nextAttemptAt" FROM email_outbox
         WHERE status = 'queued' AND next_attempt_at < ($1::timestamptz AT TIME ZONE 'UTC')
         ORDER BY next_attempt_at LIMIT $2`,
        [dueBefore.toISOString(), limit],
      );
      return result.rows;
    },
    /** Not ready to render yet (its coupon is being created): back to queued, the attempt not counted. */
    async postpone(id: number, until: Date, reason: string): Promise<void> {
      await pool.query(
        `UPDATE email_outbox SET status = 'queued', attempts = attempts - 1, last_error = $2,
           next_attempt_at = ($3::timestamptz AT TIME ZONE 'UTC'), updated_at = ${utcNow}
         WHERE id = $1 AND status = 'sending'`,
        [id, reason, until.toISOString()],
      );
    },
    /**
     * Rows left in sending by a process that died mid-send go back to the queue. The message may have left:
     * it goes again with the same Message-ID, so the receiving side can recognise the repeat.
     */
    async releaseStuck(claimedBefore: Date, limit: number): Promise<number[]> {
      const result = await pool.query<{ id: number }>(
        `UPDATE email_outbox SET status = 'queued', next_attempt_at = ${utcNow}, updated_at = ${utcNow},
           last_error = 'interrupted while sending; sent again with the same Message-ID'
         WHERE id IN (SELECT id FROM email_outbox WHERE status = 'sending'
                      AND claimed_at < ($1::timestamptz AT TIME ZONE 'UTC') ORDER BY id LIMIT $2)
           AND status = 'sending'
         RETURNING id`,
        [claimedBefore.toISOString(), limit],
      );
      return result.rows.map((row) => row.id);
    },
  };
}

/** The status transitions of one row; each is one UPDATE guarded by the status it leaves. */
function outboxTransitions(pool: PgPool) {
  return {
    /**
     * queued and due -> sending, counting the attempt, in one statement: of two jobs racing for a row, one wins;
     * a sent, failed or skipped row is never reopened.
     */
    async claim(id: number): Promise<ClaimedEmail | null> {
      const result = await pool.query<ClaimedEmail>(
        `UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, claimed_at = ${utcNow},
           updated_at = ${utcNow}
         WHERE id = $1 AND status = 'queued' AND next_attempt_at <= ${utcNow}
         RETURNING ${claimedColumns}`,
        [id],
      );
      return result.rows[0] ?? null;
    },
    /** Kept before the first send, so a retry (even after a crash mid-send) sends the very same message. */
    async saveRendered(id: number, rendered: RenderedEmail, language: string): Promise<void> {
      await pool.query(
        `UPDATE email_outbox SET subject = $2, html = $3, text = $4, message_id = $5, language = $6,
           updated_at = ${utcNow}
         WHERE id = $1`,
        [id, rendered.subject, rendered.html, rendered.text, rendered.messageId, language],
      );
    },
    async markSent(id: number, response: string): Promise<void> {
      await pool.query(
        `UPDATE email_outbox SET status = 'sent', last_response = $2, last_error = NULL, sent_at = ${utcNow},
           updated_at = ${utcNow}
         WHERE id = $1 AND status = 'sending'`,
        [id, response.slice(0, 2000)],
      );
    },
    /** A temporary failure: back to queued, due again at retryAt. */
    async markRetry(id: number, response: string, retryAt: Date): Promise<void> {
      await pool.query(
        `UPDATE email_outbox SET status = 'queued', last_response = $2, last_error = $2,
           next_attempt_at = ($3::timestamptz AT TIME ZONE 'UTC'), updated_at = ${utcNow}
         WHERE id = $1 AND status = 'sending'`,
        [id, response.slice(0, 2000), retryAt.toISOString()],
      );
    },
    /** failed (permanent answer, or out of attempts) or skipped (switched off, no consent): final either way. */
    async markFinal(id: number, status: "failed" | "skipped", response: string | null, error: string): Promise<void> {
      await pool.query(
        `UPDATE email_outbox SET status = $2, last_response = COALESCE($3, last_response), last_error = $4,
           updated_at = ${utcNow}
         WHERE id = $1 AND status = 'sending'`,
        [id, status, response?.slice(0, 2000) ?? null, error.slice(0, 2000)],
      );
    },
  };
}

export function createOutboxRepository(prisma: PrismaClient, pool: PgPool) {
  return { ...outboxInsert(pool), ...outboxQueries(prisma, pool), ...outboxSweeps(pool), ...outboxTransitions(pool) };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
