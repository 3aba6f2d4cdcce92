// `npm run check:ledger`: proves every customer's cached balance and pending sum equal the sums of their entries.
import { loadConfig } from "../server/config/load-config.js";
import { createPgPool } from "../server/db/create-pg-pool.js";
import { createLedgerRepository } from "../server/domain/loyalty/ledger-repository.js";

async function main(): Promise<number> {
  const config = loadConfig();
  const pool = createPgPool(config.DATABASE_URL, 2);
  try {
    const ledger = createLedgerRepository(pool);
    const mismatches = await ledger.balanceMismatches();
    const excesses = await ledger.clawbackExcesses();
    const counted = await pool.query<{ customers: number; entries: number }>(
      "SELECT (SELECT count(*) FROM customer)::int AS customers, (SELECT count(*) FROM ledger_entry)::int AS entries",
    );
    const { customers = 0, entries = 0 } = counted.rows[0] ?? {};
    if (mismatches.length === 0 && excesses.length === 0) {
      console.log(
        `Ledger OK: ${customers} customers, ${entries} entries; every cached balance and pending sum agrees, ` +
          "and no refund took back more than its order's points matured at.",
      );
      return 0;
    }
    if (mismatches.length > 0) {
      console.error(`Ledger MISMATCH for ${mismatches.length} customer(s):`);
      console.table(mismatches);
    }
    if (excesses.length > 0) {
      console.error(`Clawback EXCESS on ${excesses.length} order(s):`);
      console.table(excesses);
    }
    return 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
