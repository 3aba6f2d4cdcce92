// Expires the points of customers idle for the shop's N months (oldest first) and reminds those about to lose them.
import { DateTime } from "luxon";
import type { PgPool } from "../../db/create-pg-pool.js";
import type { EnqueueEmail } from "../emails/enqueue-email.js";
import type { InactiveCustomer, InactivePointsRepository } from "./inactive-points-repository.js";
import type { LedgerRepository } from "./ledger-repository.js";
import { withLockedCustomer } from "./lock-points-balance.js";
import type { RedemptionSettings } from "./redemption-settings.js";

export interface ExpiryDeps {
  pool: PgPool;
  ledger: LedgerRepository;
  inactive: InactivePointsRepository;
  enqueueEmail: EnqueueEmail;
}

export interface ExpiryRun {
  expired: number;
  pointsExpired: number;
  reminded: number;
}

const batchSize = 500;

export function expiryKey(customerId: number, lastActivityId: string): string {
  return `expiry:${customerId}:${lastActivityId}`;
}

/** When a customer's points expire: N calendar months after their last activity. */
export function expiresAt(lastActivityAt: Date, months: number): Date {
  return DateTime.fromJSDate(lastActivityAt, { zone: "utc" }).plus({ months }).toJSDate();
}

/** Under the lock the customer is checked again: new activity or a spend since the query wins over expiry. */
async function expireOne(deps: ExpiryDeps, shopId: number, customer: InactiveCustomer, months: number) {
  return withLockedCustomer(deps.pool, deps.ledger, shopId, { id: customer.id }, async (db, locked) => {
    if (locked.balance <= 0) return 0;
    const newest = await db.query<{ id: string }>(
      `SELECT id::text AS id FROM ledger_entry WHERE customer_id = $1 AND cause NOT IN ('expiry', 'tier_change')
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [customer.id],
    );
    if (newest.rows[0]?.id !== customer.lastActivityId) return 0;
    const appended = await deps.ledger.append(
      {
        shopId,
        customerId: customer.id,
        points: -locked.balance,
        cause: "expiry",
        idempotencyKey: expiryKey(customer.id, customer.lastActivityId),
        reason: `Expired after ${months} months without activity (last on ${customer.lastActivityAt.toISOString().slice(0, 10)})`,
        actor: "system",
      },
      db,
    );
    return appended.applied ? locked.balance : 0;
  });
}

async function remind(deps: ExpiryDeps, shopId: number, customer: InactiveCustomer, months: number, now: Date) {
  const result = await deps.enqueueEmail({
    shopId,
    kind: "points_expiring",
    dedupeKey: `points-expiry:${customer.id}:${customer.lastActivityId}`,
    to: customer.email,
    language: customer.locale,
    sendAfter: now,
    promotional: false,
    customerId: customer.id,
    data: {
      customer: { firstName: customer.firstName },
      points: {
        balance: customer.balance,
        expiresOn: expiresAt(customer.lastActivityAt, months).toISOString().slice(0, 10),
      },
    },
  });
  return result.created ? 1 : 0;
}

/** Idempotent: the expiry entry and the reminder are keyed by the customer's last activity, so reruns add nothing. */
export async function expireInactivePoints(
  deps: ExpiryDeps,
  shopId: number,
  settings: Pick<RedemptionSettings, "expiryMonths" | "expiryReminderDays">,
  now: Date,
): Promise<ExpiryRun> {
  const run: ExpiryRun = { expired: 0, pointsExpired: 0, reminded: 0 };
  const months = settings.expiryMonths;
  if (months === null) return run;
  const expiryCutoff = DateTime.fromJSDate(now, { zone: "utc" }).minus({ months });
  let batch: InactiveCustomer[];
  do {
    batch = await deps.inactive.idleBetween(shopId, null, expiryCutoff.toJSDate(), batchSize);
    let progressed = 0;
    for (const customer of batch) {
      const points = (await expireOne(deps, shopId, customer, months)) ?? 0;
      if (points > 0) progressed += 1;
      run.pointsExpired += points;
    }
    run.expired += progressed;
    if (progressed === 0) break;
  } while (batch.length === batchSize);
  const reminderCutoff = expiryCutoff.plus({ days: settings.expiryReminderDays }).toJSDate();
  let after = expiryCutoff.toJSDate();
  for (;;) {
    const due = await deps.inactive.idleBetween(shopId, after, reminderCutoff, batchSize);
    for (const customer of due) run.reminded += await remind(deps, shopId, customer, months, now);
    const last = due.at(-1);
    if (due.length < batchSize || !last || last.lastActivityAt.getTime() === after.getTime()) break;
    after = last.lastActivityAt;
  }
  return run;
}
