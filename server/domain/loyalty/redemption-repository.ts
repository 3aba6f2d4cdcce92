// Redemptions in PostgreSQL: the debit and its row in one transaction, then the code's fate (issued or points back).
import type { PrismaClient, Redemption } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import type { LedgerRepository } from "./ledger-repository.js";
import { withLockedCustomer, type CustomerRef } from "./lock-points-balance.js";
import { defaultRedemptionSettings, type RedemptionSettings } from "./redemption-settings.js";

export interface NewRedemption {
  shopId: number;
  customer: CustomerRef;
  points: number;
  value: string;
  currencyCode: string;
  code: string;
  source: "app_proxy" | "checkout";
  requestKey: string | null;
  startsAt: Date;
  endsAt: Date;
}

export type DebitOutcome =
  | { kind: "debited"; redemption: Redemption; balance: number }
  | { kind: "replayed"; redemption: Redemption; balance: number }
  | { kind: "no_customer" }
  | { kind: "insufficient"; balance: number };

export function redemptionKey(redemptionId: number): string {
  return `redemption:${redemptionId}`;
}

export function redemptionRefundKey(redemptionId: number): string {
  return `redemption:${redemptionId}:returned`;
}

const insertSql = `
INSERT INTO redemption (shop_id, customer_id, shopify_customer_id, points, value, currency_code, code, source,
                        request_key, starts_at, ends_at, updated_at)
VALUES ($1, $2, $3, $4, $5::numeric, $6, $7, $8, $9,
        ($10::timestamptz AT TIME ZONE 'UTC'), ($11::timestamptz AT TIME ZONE 'UTC'), now() AT TIME ZONE 'UTC')
RETURNING id`;

/**
 * Under the customer's row lock: the balance check, the redemption row and the debit commit together, so
 * fifty concurrent requests against one balance queue up and never spend more than it holds.
 */
async function debitRedemption(
  pool: PgPool,
  prisma: PrismaClient,
  ledger: LedgerRepository,
  request: NewRedemption,
): Promise<DebitOutcome> {
  const outcome = await withLockedCustomer(pool, ledger, request.shopId, request.customer, async (db, locked) => {
    if (request.requestKey) {
      const earlier = await db.query<{ id: number }>(
        "SELECT id FROM redemption WHERE customer_id = $1 AND request_key = $2",
        [locked.customerId, request.requestKey],
      );
      const id = earlier.rows[0]?.id;
      if (id !== undefined) return { kind: "replayed" as const, id, balance: locked.balance };
    }
    if (locked.balance < request.points) return { kind: "insufficient" as const, balance: locked.balance };
    const inserted = await db.query<{ id: number }>(insertSql, [
      request.shopId,
      locked.customerId,
      locked.shopifyCustomerId.toString(),
      request.points,
      request.value,
      request.currencyCode,
      request.code,
      request.source,
      request.requestKey,
      request.startsAt.toISOString(),
      request.endsAt.toISOString(),
    ]);
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error("redemption insert returned no row");
    const appended = await ledger.append(
      {
        shopId: request.shopId,
        customerId: locked.customerId,
        points: -request.points,
        cause: "redemption",
        idempotencyKey: redemptionKey(id),
        reason: `Redeemed for ${request.value} ${request.currencyCode} (code ${request.code})`,
      },
      db,
    );
    if (!appended.applied) throw new Error(`redemption ${id} was already debited`);
    return { kind: "debited" as const, id, balance: appended.balance };
  });
  if (!outcome) return { kind: "no_customer" };
  if (outcome.kind === "insufficient") return outcome;
  const redemption = await prisma.redemption.findUniqueOrThrow({ where: { id: outcome.id } });
  return { kind: outcome.kind, redemption, balance: outcome.balance };
}

/** Shopify refused the code: the points come back through a compensating entry, once. */
async function returnRedemptionPoints(
  ledger: LedgerRepository,
  redemption: Redemption,
  error: string,
): Promise<boolean> {
  return ledger.withCustomerLock(redemption.customerId, async (db) => {
    const marked = await db.query(
      `UPDATE redemption SET status = 'refunded', last_error = $2, attempts = attempts + 1,
                  updated_at = now() AT TIME ZONE 'UTC'
           WHERE id = $1 AND status = 'pending'`,
      [redemption.id, error],
    );
    if (marked.rowCount !== 1) return false;
    await ledger.append(
      {
        shopId: redemption.shopId,
        customerId: redemption.customerId,
        points: redemption.points,
        cause: "redemption",
        idempotencyKey: redemptionRefundKey(redemption.id),
        reason: `Code ${redemption.code} could not be created: points returned`,
      },
      db,
    );
    return true;
  });
}

export function createRedemptionRepository(pool: PgPool, prisma: PrismaClient, ledger: LedgerRepository) {
  return {
    async settingsFor(shopId: number): Promise<RedemptionSettings> {
      const row = await prisma.redemptionSettings.findUnique({ where: { shopId } });
      if (!row) return defaultRedemptionSettings;
      const { shopId: _shop, updatedAt: _updated, ...settings } = row;
      return settings;
    },
    async saveSettings(shopId: number, settings: RedemptionSettings): Promise<RedemptionSettings> {
      await prisma.redemptionSettings.upsert({ where: { shopId }, create: { shopId, ...settings }, update: settings });
      return settings;
    },

    debit: (request: NewRedemption) => debitRedemption(pool, prisma, ledger, request),

    findById(id: number) {
      return prisma.redemption.findUnique({ where: { id } });
    },

    /** Only a pending redemption becomes issued: a late retry never overwrites points already returned. */
    async markIssued(id: number, shopifyDiscountId: string): Promise<boolean> {
      const updated = await prisma.redemption.updateMany({
        where: { id, status: "pending" },
        data: { status: "issued", shopifyDiscountId, lastError: null, attempts: { increment: 1 } },
      });
      return updated.count === 1;
    },

    async recordAttempt(id: number, error: string): Promise<void> {
      await prisma.redemption.updateMany({
        where: { id, status: "pending" },
        data: { lastError: error, attempts: { increment: 1 } },
      });
    },

    returnPoints: (redemption: Redemption, error: string) => returnRedemptionPoints(ledger, redemption, error),

    /** Pending redemptions a lost job left behind, for the sweeper. */
    async pendingOlderThan(olderThan: Date, take = 500): Promise<number[]> {
      const rows = await prisma.redemption.findMany({
        where: { status: "pending", createdAt: { lt: olderThan } },
        select: { id: true },
        take,
      });
      return rows.map((row) => row.id);
    },

    recentForCustomer(shopId: number, customerId: number, take = 10) {
      return prisma.redemption.findMany({ where: { shopId, customerId }, orderBy: { id: "desc" }, take });
    },
  };
}

export type RedemptionRepository = ReturnType<typeof createRedemptionRepository>;
