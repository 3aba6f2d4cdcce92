// The customers-and-points area's repositories, built together because they share the ledger and its lock.
import type { PrismaClient } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { createCustomerAdminRepository } from "../customers/customer-admin-repository.js";
import type { LedgerRepository } from "./ledger-repository.js";
import { createInactivePointsRepository } from "./inactive-points-repository.js";
import { createPointsAdjustmentRepository } from "./points-adjustment-repository.js";
import { createRedemptionRepository } from "./redemption-repository.js";
import { createStorefrontPointsRepository } from "./storefront-points-repository.js";

export function createPointsRepositories(pool: PgPool, prisma: PrismaClient, ledger: LedgerRepository) {
  return {
    customerAdmin: createCustomerAdminRepository(pool),
    adjustments: createPointsAdjustmentRepository(pool, ledger),
    redemptions: createRedemptionRepository(pool, prisma, ledger),
    inactive: createInactivePointsRepository(pool),
    storefront: createStorefrontPointsRepository(pool),
  };
}

export type PointsRepositories = ReturnType<typeof createPointsRepositories>;
