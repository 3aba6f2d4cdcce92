// Builds the loyalty services once: order points, customer rewards, tiers, and the hooks told of tier changes.
import type { Logger } from "pino";
import type { PgPool } from "../../db/create-pg-pool.js";
import { createCustomerRewardsService } from "./customer-rewards-service.js";
import type { LedgerRepository } from "./ledger-repository.js";
import type { LoyaltySettingsRepository } from "./loyalty-settings-repository.js";
import { createOrderPointsService, type MaturityJob } from "./order-points-service.js";
import { createTierService, type TierChangeHook } from "./tier-service.js";

export function createLoyaltyServices(deps: {
  pool: PgPool;
  ledger: LedgerRepository;
  settings: LoyaltySettingsRepository;
  enqueueMaturity: (job: MaturityJob) => Promise<void>;
  /** Left out only by tools that never pay milestone orders (the bench): rows would wait unissued. */
  enqueueMilestoneCoupon?: (milestoneCouponId: number) => Promise<void>;
  logger: Logger;
}) {
  /** Other parts (the emails part) push a hook here to act on a tier change, e.g. send "you reached Gold". */
  const tierChangeHooks: TierChangeHook[] = [];
  const tiers = createTierService({
    pool: deps.pool,
    ledger: deps.ledger,
    onTierChanged: async (change) => {
      deps.logger.info(
        { shopId: change.shopId, customerId: change.customerId, from: change.from, to: change.to },
        "tier changed",
      );
      for (const hook of tierChangeHooks) await hook(change);
    },
  });
  const orderPoints = createOrderPointsService({
    pool: deps.pool,
    ledger: deps.ledger,
    settings: deps.settings,
    tiers,
    enqueueMaturity: deps.enqueueMaturity,
    enqueueMilestoneCoupon: deps.enqueueMilestoneCoupon ?? (async () => undefined),
  });
  const rewards = createCustomerRewardsService({ pool: deps.pool, ledger: deps.ledger, settings: deps.settings });
  return { orderPoints, rewards, tiers, tierChangeHooks };
}

export type LoyaltyServices = ReturnType<typeof createLoyaltyServices>;
