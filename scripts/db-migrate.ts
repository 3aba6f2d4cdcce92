// `npm run db:migrate`: creates the database if needed and applies every pending migration.
import { loadConfig } from "../server/config/load-config.js";
import { ensureDatabase } from "../server/db/ensure-database.js";
import { runPrisma } from "./prisma-cli.js";

export async function migrateDatabase(databaseUrl: string, quiet = false): Promise<void> {
  const created = await ensureDatabase(databaseUrl);
  if (created && !quiet) console.log(`Created database ${new URL(databaseUrl).pathname.slice(1)}`);
  runPrisma(["migrate", "deploy"], databaseUrl, quiet);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  migrateDatabase(config.DATABASE_URL).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
