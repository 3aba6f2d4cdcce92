// Waits until every accepted order has its ledger entry, then counts what was lost or duplicated.
import pg from "pg";

export interface LedgerOutcome {
  /** Accepted orders with no ledger entry although every inbox row was processed: what the pipeline dropped. */
  lost: number;
  /** Inbox rows still waiting when the deadline came: not lost, not yet processed (the drain was too slow). */
  unfinished: number;
  duplicated: number;
  ordersPerSecond: number;
}

export async function waitForLedger(
  databaseUrl: string,
  acceptedOrderIds: number[],
  startedAt: number,
  timeoutMs = 900_000,
): Promise<LedgerOutcome> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let unfinished = 0;
    for (;;) {
      const done = await client.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM webhook_inbox WHERE status IN ('received', 'processing')",
      );
      unfinished = Number(done.rows[0]?.n);
      if (unfinished === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const entries = await client.query<{ order_id: string; entries: number; last: Date }>(
      "SELECT shopify_order_id::text AS order_id, count(*)::int AS entries, max(created_at) AS last FROM ledger_entry WHERE idempotency_key LIKE 'order:%:earn' GROUP BY shopify_order_id",
    );
    const byOrder = new Map(entries.rows.map((row) => [row.order_id, row]));
    // An unfinished row may be any accepted order's: only what is missing beyond them is certainly lost.
    const missing = acceptedOrderIds.filter((id) => !byOrder.has(String(id))).length;
    const lost = Math.max(0, missing - unfinished);
    const duplicated = entries.rows.reduce((sum, row) => sum + (row.entries - 1), 0);
    const inboxDuplicates = await client.query<{ n: number }>(
      "SELECT (count(*) - count(DISTINCT (shop_domain, webhook_id)))::int AS n FROM webhook_inbox",
    );
    const lastEntry = Math.max(...entries.rows.map((row) => row.last.getTime()));
    const seconds = Math.max(0.001, (lastEntry - startedAt) / 1000);
    return {
      lost,
      unfinished,
      duplicated: duplicated + (inboxDuplicates.rows[0]?.n ?? 0),
      // Orders that reached the ledger by then, so a drain cut short by the deadline is not counted as finished.
      ordersPerSecond: (acceptedOrderIds.length - missing) / seconds,
    };
  } finally {
    await client.end();
  }
}
