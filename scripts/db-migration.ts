// `npm run db:migration NAME`: writes a new migration by diffing the schema against the last migration's snapshot.
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../server/config/load-config.js";
import { ensureDatabase } from "../server/db/ensure-database.js";
import { listMigrationNames, migrationsDir } from "../server/db/migration-status.js";
import { runPrisma } from "./prisma-cli.js";

// Each migration folder keeps the schema.prisma it was made from, so the next diff needs no live database.
const schemaPath = "prisma/schema.prisma";

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migration <name>  (lowercase letters, digits and _)");
  }
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const previous = (await listMigrationNames()).at(-1);
  const from = previous
    ? ["--from-schema-datamodel", join(migrationsDir, previous, "schema.prisma")]
    : ["--from-empty"];
  if (previous && !existsSync(from[1] ?? "")) throw new Error(`${previous} has no schema.prisma snapshot to diff from`);
  const sql = runPrisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
    config.DATABASE_URL,
    true,
  );
  if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log("The schema matches the last migration: nothing to write.");
    return;
  }
  const dir = join(migrationsDir, `${timestamp()}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  await copyFile(schemaPath, join(dir, "schema.prisma"));
  console.log(`Wrote ${dir}/migration.sql. Review it, then run \`npm run db:migrate\`.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
