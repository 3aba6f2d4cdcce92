// Waits until every accepted order has its ledger entry, then counts what was lost or duplicated.
import pg from "pg";

export interface LedgerOutcome {
  lost: number;
  duplicated: number;
  ordersPerSecond: number;
}

export async function waitForLedger(
  databaseUrl: string,
  acceptedOrderIds: number[],
  startedAt: number,
  timeoutMs = 600_000,
): Promise<LedgerOutcome> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = await client.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM webhook_inbox WHERE status IN ('received', 'processing')",
      );
      if (Number(done.rows[0]?.n) === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const entries = await client.query<{ order_id: string; entries: number; last: Date }>(
      "SELECT shopify_order_id::text AS order_id, count(*)::int AS entries, max(created_at) AS last FROM ledger_entry WHERE idempotency_key LIKE 'order:%:earn' GROUP BY shopify_order_id",
    );
    const byOrder = new Map(entries.rows.map((row) => [row.order_id, row]));
    const lost = acceptedOrderIds.filter((id) => !byOrder.has(String(id))).length;
    const duplicated = entries.rows.reduce((sum, row) => sum + (row.entries - 1), 0);
    const inboxDuplicates = await client.query<{ n: number }>(
      "SELECT (count(*) - count(DISTINCT (shop_domain, webhook_id)))::int AS n FROM webhook_inbox",
    );
    const lastEntry = Math.max(...entries.rows.map((row) => row.last.getTime()));
    const seconds = Math.max(0.001, (lastEntry - startedAt) / 1000);
    return {
      lost,
      duplicated: duplicated + (inboxDuplicates.rows[0]?.n ?? 0),
      ordersPerSecond: acceptedOrderIds.length / seconds,
    };
  } finally {
    await client.end();
  }
}
