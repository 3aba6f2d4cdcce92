// Matches outbox rows to the messages an SMTP catcher received, per (order, kind): what was lost, what came twice.

export interface OutboxSummary {
  orderId: string | null;
  kind: string;
  status: string;
  messageId: string | null;
  lastError?: string | null;
}

export interface CaughtSummary {
  messageId: string | null;
  receivedAt: string;
  to: string[];
  subject: string;
}

export interface DeliveryCount {
  /** Rows that should have become a message: everything but rows skipped on purpose (switched off, superseded). */
  expected: number;
  /** Expected (order, kind) pairs with no message at the catcher (a failed or never-sent row included). */
  lost: number;
  /** Messages beyond the first per (order, kind), and messages no row accounts for. */
  duplicated: number;
  /** A few of each, to say what went wrong. */
  examples: string[];
}

export function countEmailDeliveries(rows: OutboxSummary[], caught: CaughtSummary[]): DeliveryCount {
  const pairOf = new Map<string, string>();
  const expected = new Set<string>();
  for (const row of rows) {
    const pair = `${row.orderId ?? "-"}:${row.kind}`;
    if (row.messageId) pairOf.set(row.messageId, pair);
    if (row.status !== "skipped") expected.add(pair);
  }
  const received = new Map<string, number>();
  let strays = 0;
  const examples: string[] = [];
  for (const message of caught) {
    const pair = message.messageId ? pairOf.get(message.messageId) : undefined;
    if (!pair) {
      strays += 1;
      if (examples.length < 5) examples.push(`message with no outbox row: ${message.messageId ?? "(no id)"}`);
      continue;
    }
    received.set(pair, (received.get(pair) ?? 0) + 1);
  }
  let lost = 0;
  for (const pair of expected) {
    if (received.has(pair)) continue;
    lost += 1;
    if (examples.length < 10) examples.push(`lost: ${pair}`);
  }
  let duplicated = strays;
  for (const [pair, count] of received) {
    if (count <= 1) continue;
    duplicated += count - 1;
    if (examples.length < 15) examples.push(`duplicated: ${pair} x${count}`);
  }
  return { expected: expected.size, lost, duplicated, examples };
}
