// Bench phase `ledger_writes_per_s`: concurrent workers earn, redeem, adjust and claw back on shared balances; the
// cached balances are then proved against the ledger (check:ledger's logic) and the phase fails if they disagree.
import { createPgPool } from "../server/db/create-pg-pool.js";
import { createPrismaClient } from "../server/db/create-prisma-client.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { createLoyaltyServices } from "../server/domain/loyalty/create-loyalty-services.js";
import { createPointsRepositories } from "../server/domain/loyalty/create-points-repositories.js";
import { createLedgerRepository } from "../server/domain/loyalty/ledger-repository.js";
import { createLoyaltySettingsRepository } from "../server/domain/loyalty/loyalty-settings-repository.js";
import { createLogger } from "../server/observability/create-logger.js";
import { prepareBenchDatabase } from "./bench-phases.js";
import { createLedgerWriteMix, pickOp, type LedgerOp } from "./ledger-write-mix.js";

export interface LedgerWritesOptions {
  seconds: number;
  /** Concurrent writers, each with its own connection from the pool. */
  workers: number;
  /** Shared balances: fewer customers means more writers queue on one customer's lock. */
  customers: number;
}

export interface LedgerWritesResult {
  ledger_writes_per_s: number;
  ledger_ops_per_s: number;
  ledger_entries: number;
  ledger_workers: number;
  ledger_customers: number;
  ledger_ops: Record<LedgerOp, number>;
  ledger_errors: number;
  ledger_balance_mismatches: number;
  ledger_clawback_excesses: number;
}

export function ledgerWritesFailed(result: LedgerWritesResult): boolean {
  return result.ledger_errors > 0 || result.ledger_balance_mismatches > 0 || result.ledger_clawback_excesses > 0;
}

async function createCustomers(pool: ReturnType<typeof createPgPool>, count: number) {
  const shop = await pool.query<{ id: number }>("SELECT id FROM shop LIMIT 1");
  const shopId = shop.rows[0]?.id ?? 0;
  const inserted = await pool.query<{ id: number }>(
    `INSERT INTO customer (shop_id, shopify_customer_id, updated_at)
     SELECT $1, g, now() FROM generate_series(1, $2::int) g RETURNING id`,
    [shopId, count],
  );
  return { shopId, customerIds: inserted.rows.map((row) => row.id) };
}

export async function measureLedgerWrites(databaseUrl: string, options: LedgerWritesOptions) {
  console.log(
    `ledger writes: ${options.workers} concurrent writers on ${options.customers} shared balances for ${options.seconds}s`,
  );
  await prepareBenchDatabase(databaseUrl);
  const pool = createPgPool(databaseUrl, options.workers + 2);
  const prisma = createPrismaClient(databaseUrl, 4);
  try {
    const ledger = createLedgerRepository(pool);
    const logger = createLogger("warn", "ledger-bench");
    const settings = createLoyaltySettingsRepository(prisma);
    const loyalty = createLoyaltyServices({ pool, ledger, settings, enqueueMaturity: async () => undefined, logger });
    const points = createPointsRepositories(pool, prisma, ledger);
    const { shopId, customerIds } = await createCustomers(pool, options.customers);
    const mix = createLedgerWriteMix({ pool, shopId, customerIds, loyalty, points });
    const ops: Record<LedgerOp, number> = { earn: 0, redeem: 0, adjust: 0, clawback: 0 };
    let errors = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const writer = async () => {
      while (performance.now() < deadline) {
        const op = pickOp();
        try {
          await mix[op]();
          ops[op] += 1;
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`  ${op} failed:`, error instanceof Error ? error.message : error);
        }
      }
    };
    await Promise.all(Array.from({ length: options.workers }, writer));
    const elapsed = (performance.now() - started) / 1000;
    const counted = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM ledger_entry");
    const entries = counted.rows[0]?.n ?? 0;
    const mismatches = await ledger.balanceMismatches();
    const excesses = await ledger.clawbackExcesses();
    const totalOps = Object.values(ops).reduce((sum, n) => sum + n, 0);
    const result: LedgerWritesResult = {
      ledger_writes_per_s: Math.round(entries / elapsed),
      ledger_ops_per_s: Math.round(totalOps / elapsed),
      ledger_entries: entries,
      ledger_workers: options.workers,
      ledger_customers: options.customers,
      ledger_ops: ops,
      ledger_errors: errors,
      ledger_balance_mismatches: mismatches.length,
      ledger_clawback_excesses: excesses.length,
    };
    console.log(
      `  ${entries} ledger entries in ${elapsed.toFixed(1)}s: ${result.ledger_writes_per_s} entries/s ` +
        `(${result.ledger_ops_per_s} operations/s: ${JSON.stringify(ops)}), ${errors} errors`,
    );
    console.log(
      ledgerWritesFailed(result)
        ? `  LEDGER CHECK FAILED: ${mismatches.length} balance mismatches, ${excesses.length} clawback excesses`
        : "  ledger check: every cached balance equals its entries; no clawback exceeds what matured",
    );
    if (mismatches.length > 0) console.table(mismatches.slice(0, 10));
    if (excesses.length > 0) console.table(excesses.slice(0, 10));
    return result;
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await dropDatabase(databaseUrl);
  }
}
