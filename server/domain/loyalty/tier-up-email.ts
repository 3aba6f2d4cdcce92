// The tier-change hook that emails a customer who moved up a tier, in their language, once per crossing.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { EnqueueEmail } from "../emails/enqueue-email.js";
import type { Tier } from "./loyalty-settings.js";
import type { LoyaltySettingsRepository } from "./loyalty-settings-repository.js";
import type { TierChange, TierChangeHook } from "./tier-service.js";

/**
 * Up means a tier ranked above the one left (no tier ranks below all). Reaching the first tier is not news (every
 * customer lands there with a first order), and moving down is never announced.
 */
export function movedUp(tiers: Tier[], change: Pick<TierChange, "from" | "to">): Tier | null {
  const rank = (name: string | null) => tiers.findIndex((tier) => tier.name === name);
  const reached = rank(change.to);
  if (reached <= 0) return null;
  return rank(change.from) < reached ? (tiers[reached] ?? null) : null;
}

export function createTierUpEmail(deps: {
  pool: PgPool;
  settings: LoyaltySettingsRepository;
  enqueueEmail: EnqueueEmail;
}): TierChangeHook {
  return async (change) => {
    const settings = await deps.settings.settingsForCached(change.shopId);
    const tier = movedUp(settings.tiers, change);
    if (!tier) return;
    const customer = await deps.pool.query<{
      email: string | null;
      first_name: string | null;
      locale: string | null;
      points_balance: number;
    }>("SELECT email, first_name, locale, points_balance FROM customer WHERE id = $1", [change.customerId]);
    const row = customer.rows[0];
    if (!row) return;
    await deps.enqueueEmail({
      shopId: change.shopId,
      kind: "tier_up",
      // The crossing's ledger key: a replayed job or a second hook call for the same change sends nothing more.
      dedupeKey: `tier-up:${change.entryKey}`,
      to: row.email,
      language: row.locale,
      promotional: false,
      customerId: change.customerId,
      data: {
        customer: { firstName: row.first_name },
        tier: { name: tier.name, previous: change.from, multiplier: tier.multiplier, perks: tier.perks },
        points: { balance: row.points_balance },
      },
    });
  };
}
