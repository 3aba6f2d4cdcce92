// Group commit for the webhook inbox: concurrent requests share one multi-row INSERT, each still waits for its own commit.
import type { PgPool } from "../db/create-pg-pool.js";

export interface InboxRow {
  shopDomain: string;
  webhookId: string;
  topic: string;
  eventId: string | null;
  triggeredAt: string | null;
  apiVersion: string | null;
  rawBody: string;
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
  onCommitted?: (inserted: { id: string; topic: string; shopDomain: string }[]) => Promise<void>;
}

// unnest() keeps one prepared statement whatever the batch size; raw_body stays text (no jsonb parse on insert).
const insertSql = `
INSERT INTO webhook_inbox (shop_domain, webhook_id, topic, event_id, triggered_at, api_version, raw_body)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamp(3)[], $6::text[], $7::text[])
ON CONFLICT (shop_domain, webhook_id) DO NOTHING
RETURNING id::text AS id, shop_domain, webhook_id, topic`;

export class InboxBatchWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly pool: PgPool,
    private readonly options: InboxBatchWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.maxInFlight = options.maxInFlight ?? 2;
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
    const columns = toColumns(batch.map((pending) => pending.row));
    let inserted: { id: string; shop_domain: string; webhook_id: string; topic: string }[];
    try {
      const result = await this.pool.query({ name: "inbox-insert", text: insertSql, values: columns });
      inserted = result.rows;
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const byKey = new Map(inserted.map((row) => [`${row.shop_domain}\n${row.webhook_id}`, row.id]));
    for (const pending of batch) {
      const key = `${pending.row.shopDomain}\n${pending.row.webhookId}`;
      const id = byKey.get(key) ?? null;
      // Two copies of one webhook in the same batch: the first claims the id, the second is the duplicate.
      if (id !== null) byKey.delete(key);
      pending.resolve({ id });
    }
    // Answer first: the rows are durable, and a failed or slow enqueue is repaired by the sweeper.
    // Awaiting here still holds this flush slot, so a slow Redis slows intake instead of piling up work.
    if (this.options.onCommitted && inserted.length > 0) {
      await this.options
        .onCommitted(inserted.map((row) => ({ id: row.id, topic: row.topic, shopDomain: row.shop_domain })))
        .catch(() => undefined);
    }
  }
}

function toColumns(rows: InboxRow[]): (string | null)[][] {
  return [
    rows.map((row) => row.shopDomain),
    rows.map((row) => row.webhookId),
    rows.map((row) => row.topic),
    rows.map((row) => row.eventId),
    rows.map((row) => row.triggeredAt),
    rows.map((row) => row.apiVersion),
    rows.map((row) => row.rawBody),
  ];
}
