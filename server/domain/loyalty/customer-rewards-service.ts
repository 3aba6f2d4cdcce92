// Points that are not tied to an order: creating an account and birthdays (once a year, never twice by moving it).
import type { PgPool } from "../../db/create-pg-pool.js";
import { birthdayDecision, celebratedOn, localDate, parseBirthday } from "./birthday-rules.js";
import type { LedgerRepository } from "./ledger-repository.js";
import type { LoyaltySettingsRepository } from "./loyalty-settings-repository.js";
import { ensureReferralCode } from "./referral-service.js";

export type SetBirthdayResult = { ok: true; birthday: string | null; changed: boolean } | { ok: false };

interface RewardsDeps {
  pool: PgPool;
  ledger: LedgerRepository;
  settings: LoyaltySettingsRepository;
}

/** Customers whose birthday is today in the shop's time zone earn birthday points (see birthday-rules.ts). */
async function awardBirthdays(
  deps: RewardsDeps,
  shop: { id: number; ianaTimezone: string | null },
  now: Date,
): Promise<number> {
  const settings = await deps.settings.settingsFor(shop.id);
  if (!settings.enabled || settings.birthdayPoints <= 0) return 0;
  const today = localDate(now, shop.ianaTimezone);
  // 29 February birthdays are celebrated on 28 February in other years, so both are candidates then.
  const monthDays = [today.slice(5), ...(celebratedOn("02-29", Number(today.slice(0, 4))) === today ? ["02-29"] : [])];
  const candidates = await deps.pool.query<{
    id: number;
    birthday: string;
    changed_at: Date | null;
    last_award: Date | null;
  }>(
    `SELECT c.id, c.birthday, c.birthday_changed_at AT TIME ZONE 'UTC' AS changed_at,
            (SELECT max(created_at) AT TIME ZONE 'UTC' FROM ledger_entry l WHERE l.customer_id = c.id AND l.cause = 'birthday') AS last_award
     FROM customer c WHERE c.shop_id = $1 AND c.birthday = ANY($2::text[])`,
    [shop.id, [...new Set(monthDays)]],
  );
  let awarded = 0;
  for (const customer of candidates.rows) {
    const decision = birthdayDecision({
      customerId: customer.id,
      birthday: customer.birthday,
      today,
      changedAt: customer.changed_at,
      lastAwardAt: customer.last_award,
      now,
    });
    if (!decision.award) continue;
    const result = await deps.ledger.append({
      shopId: shop.id,
      customerId: customer.id,
      points: settings.birthdayPoints,
      cause: "birthday",
      idempotencyKey: decision.key,
      reason: `Happy birthday (${today})`,
      actor: "system",
    });
    if (result.applied) awarded += 1;
  }
  return awarded;
}

export function createCustomerRewardsService(deps: RewardsDeps) {
  return {
    /** customers/create: account-creation points, available at once (nothing can be returned), and a referral code. */
    async awardSignup(shopId: number, customerId: number): Promise<string> {
      await ensureReferralCode(deps.pool, customerId);
      const settings = await deps.settings.settingsForCached(shopId);
      if (!settings.enabled || settings.signupPoints <= 0) return "no account-creation points";
      const result = await deps.ledger.append({
        shopId,
        customerId,
        points: settings.signupPoints,
        cause: "signup",
        idempotencyKey: `signup:${customerId}`,
        reason: "Created an account",
        actor: "system",
      });
      return result.applied
        ? `${settings.signupPoints} account-creation points`
        : "account-creation points already given";
    },

    /** Set by the customer or by staff: "MM-DD" or "YYYY-MM-DD", or null to clear; a change starts the 30-day wait. */
    async setBirthday(customerId: number, input: string | null, now: Date): Promise<SetBirthdayResult> {
      const birthday = input === null ? null : parseBirthday(input);
      if (input !== null && birthday === null) return { ok: false };
      const result = await deps.pool.query(
        `UPDATE customer SET birthday = $2, birthday_changed_at = ($3::timestamptz AT TIME ZONE 'UTC'), updated_at = now()
         WHERE id = $1 AND birthday IS DISTINCT FROM $2`,
        [customerId, birthday, now.toISOString()],
      );
      return { ok: true, birthday, changed: (result.rowCount ?? 0) > 0 };
    },

    /** The daily job: customers whose birthday is today in the shop's time zone earn birthday points. */
    awardBirthdays: (shop: { id: number; ianaTimezone: string | null }, now: Date) => awardBirthdays(deps, shop, now),
  };
}

export type CustomerRewardsService = ReturnType<typeof createCustomerRewardsService>;
