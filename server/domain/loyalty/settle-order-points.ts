// Settling an order's pending points (mature when the return window ends, void on cancel or full refund) and
// clawing back matured points in proportion to refunds, never more than was earned.
import { clawbackTarget, toCents } from "./earning-rules.js";
import type { LedgerRepository, Queryable } from "./ledger-repository.js";
import type { OrderPendingEntry, OrderPointsRepository } from "./order-points-repository.js";

interface SettleContext {
  db: Queryable;
  ledger: LedgerRepository;
  repo: OrderPointsRepository;
}

export interface SettleInput {
  shopId: number;
  shopifyOrderId: bigint;
  now: Date;
  /** The refund that triggered this settlement: a clawback it causes is keyed by its id. */
  refundId?: string;
}

async function settleEntry(
  context: SettleContext,
  input: SettleInput,
  entry: OrderPendingEntry,
  matured: number | null,
  reason: string,
) {
  const kind = matured === null ? "void" : "mature";
  await context.ledger.append(
    {
      shopId: input.shopId,
      customerId: entry.customerId,
      points: matured ?? 0,
      cause: entry.cause,
      status: matured === null ? "void" : "available",
      settlesEntryId: entry.id,
      idempotencyKey: `${entry.idempotencyKey}:${kind}`,
      shopifyOrderId: input.shopifyOrderId,
      reason,
      actor: "system",
    },
    context.db,
  );
}

/** Takes back what the refunds so far call for, minus what maturity and earlier clawbacks already took. */
async function clawBack(context: SettleContext, input: SettleInput, own: OrderPendingEntry, matured: number) {
  const { repo } = context;
  const facts = await repo.orderFacts(input.shopId, input.shopifyOrderId, context.db);
  const refunds = await repo.refunds(input.shopId, input.shopifyOrderId, context.db);
  const target = clawbackTarget(own.points, facts?.subtotal ?? "0", refunds.total);
  const taken = own.points - matured + (await repo.clawedBack(input.shopId, input.shopifyOrderId, context.db));
  const refundId = input.refundId ?? refunds.latestRefundId;
  if (target <= taken || !refundId) return null;
  const result = await context.ledger.append(
    {
      shopId: input.shopId,
      customerId: own.customerId,
      points: -(target - taken),
      cause: "refund",
      idempotencyKey: `refund:${refundId}:clawback`,
      shopifyOrderId: input.shopifyOrderId,
      reason: `Refund ${refundId}: ${refunds.total} of ${facts?.subtotal ?? "?"} refunded`,
      actor: "system",
    },
    context.db,
  );
  return result.applied ? `clawed back ${target - taken} points` : null;
}

/** Runs inside the order customer's lock; returns what it did, in words. */
export async function settleOrderPoints(context: SettleContext, input: SettleInput): Promise<string[]> {
  const { repo, db } = context;
  const entries = await repo.pendingEntries(input.shopId, input.shopifyOrderId, db);
  const facts = await repo.orderFacts(input.shopId, input.shopifyOrderId, db);
  const refunds = await repo.refunds(input.shopId, input.shopifyOrderId, db);
  const subtotal = facts?.subtotal ?? "0";
  const fullyRefunded = toCents(subtotal) > 0n && toCents(refunds.total) >= toCents(subtotal);
  const notes: string[] = [];
  let ownMatured: number | null = null;
  for (const entry of entries) {
    const own = entry.cause === "order";
    if (entry.settled) {
      if (own && entry.settled.status === "available") ownMatured = entry.settled.points;
      continue;
    }
    if (facts?.cancelled || fullyRefunded) {
      await settleEntry(context, input, entry, null, facts?.cancelled ? "Order cancelled" : "Order fully refunded");
      notes.push(`voided ${entry.points} pending ${entry.cause} points`);
    } else if (entry.availableAt && entry.availableAt.getTime() <= input.now.getTime()) {
      const matured = own ? entry.points - clawbackTarget(entry.points, subtotal, refunds.total) : entry.points;
      await settleEntry(context, input, entry, matured, "Return window ended");
      notes.push(`${matured} ${entry.cause} points now available`);
      if (own) ownMatured = matured;
    }
  }
  const own = entries.find((entry) => entry.cause === "order");
  if (own && ownMatured !== null) {
    const clawed = await clawBack(context, input, own, ownMatured);
    if (clawed) notes.push(clawed);
  }
  return notes;
}
