// The ledger's invariants after a random history, each broken one as a sentence naming the order or customer.
import { clawbackTarget } from "../../server/domain/loyalty/earning-rules.js";
import type { OrderSpec, RunRecord, RunSpec } from "./ledger-property-runs.js";
import type { TestStack } from "./start-test-stack.js";

interface EntryRow {
  idempotency_key: string;
  customer_id: number;
  points: number;
  cause: string;
  status: string;
  settles: string | null;
  order_id: string | null;
  actor: string | null;
}

async function entriesOf(stack: TestStack, record: RunRecord): Promise<EntryRow[]> {
  const result = await stack.services.pool.query<EntryRow>(
    `SELECT e.idempotency_key, e.customer_id, e.points, e.cause::text, e.status::text, s.idempotency_key AS settles,
            e.shopify_order_id::text AS order_id, e.actor
     FROM ledger_entry e LEFT JOIN ledger_entry s ON s.id = e.settles_entry_id
     WHERE e.customer_id = ANY($1::int[]) ORDER BY e.id`,
    [record.customerIds],
  );
  return result.rows;
}

/** An order's own points: earned once if paid; voided, matured net of refunds, or still pending, never two. */
function checkOrder(spec: OrderSpec, index: number, record: RunRecord, entries: EntryRow[]): string[] {
  const orderId = String(record.orderIds[index]);
  const problems: string[] = [];
  const own = entries.filter((entry) => entry.order_id === orderId && entry.cause === "order");
  const earns = own.filter((entry) => entry.status === "pending");
  const settles = own.filter((entry) => entry.status !== "pending");
  const clawed = -entries
    .filter((entry) => entry.order_id === orderId && entry.cause === "refund")
    .reduce((sum, entry) => sum + entry.points, 0);
  const earned = Math.floor(spec.subtotalCents / 100);
  const expectedEarns = record.paid.has(index) && earned > 0 ? 1 : 0;
  if (earns.length !== expectedEarns)
    problems.push(`order ${index}: ${earns.length} earn entries, expected ${expectedEarns}`);
  if (earns[0] && earns[0].points !== earned)
    problems.push(`order ${index}: earned ${earns[0].points}, expected ${earned}`);
  if (settles.length > 1) problems.push(`order ${index}: settled ${settles.length} times`);
  const refunded = [...(record.refunds.get(index)?.values() ?? [])].reduce((sum, cents) => sum + cents, 0);
  const fullyRefunded = spec.subtotalCents > 0 && refunded >= spec.subtotalCents;
  const settle = settles[0];
  if (!settle) {
    if (clawed !== 0) problems.push(`order ${index}: ${clawed} points clawed back from points never matured`);
    if (earns.length > 0 && (record.cancelled.has(index) || fullyRefunded)) {
      problems.push(`order ${index}: still pending although cancelled or fully refunded`);
    }
  } else if (settle.status === "void") {
    if (clawed !== 0) problems.push(`order ${index}: ${clawed} points clawed back from voided points`);
    if (!record.cancelled.has(index) && !fullyRefunded) problems.push(`order ${index}: voided without cause`);
  } else {
    const expected =
      earned - clawbackTarget(earned, (spec.subtotalCents / 100).toFixed(2), (refunded / 100).toFixed(2));
    if (settle.points - clawed !== expected) {
      problems.push(
        `order ${index}: matured ${settle.points} minus clawed back ${clawed} is ${settle.points - clawed}, ` +
          `expected ${expected} (${earned} earned, ${refunded} of ${spec.subtotalCents} cents refunded)`,
      );
    }
  }
  return problems;
}

/** A customer's staff and storefront actions: once each however often retried; below zero only when allowed. */
async function checkCustomer(stack: TestStack, record: RunRecord, index: number, entries: EntryRow[]) {
  const customerId = record.customerIds[index] ?? 0;
  const mine = entries.filter((entry) => entry.customer_id === customerId);
  const problems: string[] = [];
  const adjustments = mine.filter((entry) => entry.cause === "adjustment").length;
  if (adjustments !== record.adjustmentsApplied[index]) {
    problems.push(
      `customer ${index}: ${adjustments} adjustment entries for ${record.adjustmentsApplied[index]} accepted`,
    );
  }
  const spends = mine.filter((entry) => entry.cause === "redemption" && entry.points < 0).length;
  const codes = record.redemptionCodes[index]?.size ?? 0;
  if (spends !== codes) problems.push(`customer ${index}: ${spends} redemption debits for ${codes} codes`);
  const points = await stack.services.repositories.ledger.pointsOf(customerId);
  const mayBeNegative = record.negativeAllowed.has(index) || mine.some((entry) => entry.cause === "refund");
  if (points && points.balance < 0 && !mayBeNegative) {
    problems.push(`customer ${index}: balance ${points.balance} below zero with no clawback or staff override`);
  }
  if (points && points.pending < 0) problems.push(`customer ${index}: pending ${points.pending} below zero`);
  return problems;
}

export async function ledgerViolations(stack: TestStack, spec: RunSpec, record: RunRecord): Promise<string[]> {
  const ledger = stack.services.repositories.ledger;
  const problems: string[] = [];
  for (const mismatch of await ledger.balanceMismatches(record.shopId)) {
    problems.push(`stored points differ from the ledger: ${JSON.stringify(mismatch)}`);
  }
  for (const excess of await ledger.clawbackExcesses(record.shopId)) {
    problems.push(`clawback beyond what matured: ${JSON.stringify(excess)}`);
  }
  const entries = await entriesOf(stack, record);
  spec.orders.forEach((order, index) => problems.push(...checkOrder(order, index, record, entries)));
  for (let index = 0; index < record.customerIds.length; index += 1) {
    problems.push(...(await checkCustomer(stack, record, index, entries)));
  }
  const refundsStored = await stack.services.pool.query<{ order_id: string; cents: number }>(
    `SELECT shopify_order_id::text AS order_id, (sum(subtotal) * 100)::int AS cents FROM loyalty_refund
     WHERE shop_id = $1 AND shopify_order_id = ANY($2::bigint[]) GROUP BY shopify_order_id`,
    [record.shopId, record.orderIds],
  );
  spec.orders.forEach((_, index) => {
    const delivered = [...(record.refunds.get(index)?.values() ?? [])].reduce((sum, cents) => sum + cents, 0);
    const stored = refundsStored.rows.find((row) => row.order_id === String(record.orderIds[index]))?.cents ?? 0;
    if (stored !== delivered)
      problems.push(`order ${index}: ${stored} cents of refunds recorded, ${delivered} delivered`);
  });
  return problems;
}
