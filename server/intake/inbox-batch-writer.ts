// Group commit for the webhook inbox: concurrent requests share one multi-row INSERT, each still waits for its own commit.
import type { PgPool } from "../db/create-pg-pool.js";
import type { ThankYouOrder } from "../domain/orders/order-payload.js";

export interface InboxRow {
  shopDomain: string;
  webhookId: string;
  topic: string;
  eventId: string | null;
  triggeredAt: string | null;
  apiVersion: string | null;
  /** Sent as a binary parameter: no decode and re-encode of a 15 KB body per request. */
  rawBody: Buffer;
  /** Not stored: an order parsed at intake, handed to onCommitted for the urgent thank-you job. */
  thankYouOrder?: ThankYouOrder;
}

/** A row this batch inserted, as onCommitted receives it. */
export interface CommittedInboxRow {
  id: string;
  topic: string;
  shopDomain: string;
  thankYouOrder?: ThankYouOrder;
}

export interface InboxWriteResult {
  /** The inbox row id when this call inserted it; null when (shop, webhook id) was already recorded. */
  id: string | null;
}

interface Pending {
  row: InboxRow;
  resolve: (result: InboxWriteResult) => void;
  reject: (error: unknown) => void;
}

export interface InboxBatchWriterOptions {
  maxBatch?: number;
  /** Flushes allowed in flight at once; more overlap commits, fewer make bigger batches. */
  maxInFlight?: number;
  /** Called after each committed batch with the rows it inserted (id, topic), e.g. to enqueue them. */
  onCommitted?: (inserted: CommittedInboxRow[]) => Promise<void>;
  /** Observes each batch's size and commit time. */
  onBatch?: (rows: number, seconds: number) => void;
}

// received_at is written in UTC explicitly: the column has no zone, and the server's zone may not be UTC.
const columnList = "shop_domain, webhook_id, topic, event_id, triggered_at, api_version, raw_body, received_at";
const columnCount = 7;

/**
 * One multi-row VALUES statement per batch. Parameters travel as-is; a text[] array (unnest) would make
 * the driver escape every 15 KB body character by character, which cost more than the insert itself.
 */
function insertSql(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) => {
    const base = row * columnCount;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, ($${base + 5}::timestamptz AT TIME ZONE 'UTC'), $${base + 6}, $${base + 7}, now() AT TIME ZONE 'UTC')`;
  });
  return `INSERT INTO webhook_inbox (${columnList}) VALUES ${tuples.join(", ")}
ON CONFLICT (shop_domain, webhook_id) DO NOTHING
RETURNING id::text AS id, shop_domain, webhook_id, topic`;
}

export class InboxBatchWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly pool: PgPool,
    private readonly options: InboxBatchWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? Number(process.env.INTAKE_BATCH_MAX ?? 256);
    this.maxInFlight = options.maxInFlight ?? Number(process.env.INTAKE_FLUSHES_IN_FLIGHT ?? 4);
  }

  write(row: InboxRow): Promise<InboxWriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  /** Starts a flush whenever rows wait and a slot is free; rows arriving meanwhile join the next batch. */
  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const values = batch.flatMap(({ row }) => [
      row.shopDomain,
      row.webhookId,
      row.topic,
      row.eventId,
      row.triggeredAt,
      row.apiVersion,
      row.rawBody,
    ]);
    let inserted: { id: string; shop_domain: string; webhook_id: string; topic: string }[];
    const started = performance.now();
    try {
      const result = await this.pool.query(insertSql(batch.length), values);
      this.options.onBatch?.(batch.length, (performance.now() - started) / 1000);
      inserted = result.rows;
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const byKey = new Map(inserted.map((row) => [`${row.shop_domain}\n${row.webhook_id}`, row.id]));
    const committed: CommittedInboxRow[] = [];
    for (const pending of batch) {
      const key = `${pending.row.shopDomain}\n${pending.row.webhookId}`;
      const id = byKey.get(key) ?? null;
      // Two copies of one webhook in the same batch: the first claims the id, the second is the duplicate.
      if (id !== null) {
        byKey.delete(key);
        const { topic, shopDomain, thankYouOrder } = pending.row;
        committed.push({ id, topic, shopDomain, ...(thankYouOrder ? { thankYouOrder } : {}) });
      }
      pending.resolve({ id });
    }
    // Answer first: the rows are durable, and a failed or slow enqueue is repaired by the sweeper.
    // Awaiting here still holds this flush slot, so a slow Redis slows intake instead of piling up work.
    if (this.options.onCommitted && committed.length > 0) {
      await this.options.onCommitted(committed).catch(() => undefined);
    }
  }
}
