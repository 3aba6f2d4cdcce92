// Each test file gets its own PostgreSQL database, cloned from a migrated template and dropped afterwards.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { migrateDatabase } from "../../scripts/db-migrate.js";
import { dropDatabase } from "../../server/db/ensure-database.js";
import { listMigrationNames, migrationsDir } from "../../server/db/migration-status.js";

const serverUrl = process.env.TEST_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
// Named after the migrations it holds, so checkouts with different migrations (git worktrees) never fight over one.
let templateName = "";

export function databaseUrl(name: string): string {
  return `${serverUrl}/${name}`;
}

async function expectedChecksums(): Promise<string[]> {
  const names = await listMigrationNames();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(migrationsDir, name, "migration.sql"));
      return `${name}:${createHash("sha256").update(sql).digest("hex")}`;
    }),
  );
}

async function templateIsCurrent(admin: pg.Client): Promise<boolean> {
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateName]);
  if (!exists.rowCount) return false;
  const client = new pg.Client({ connectionString: databaseUrl(templateName) });
  await client.connect();
  try {
    const rows = await client
      .query<{ m: string }>(
        "SELECT migration_name || ':' || checksum AS m FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
      )
      .catch(() => ({ rows: [] as { m: string }[] }));
    return JSON.stringify(rows.rows.map((row) => row.m)) === JSON.stringify(await expectedChecksums());
  } finally {
    await client.end();
  }
}

/** Builds the template once per change of migrations; an advisory lock keeps parallel test files from racing. */
async function ensureTemplate(admin: pg.Client): Promise<void> {
  const digest = createHash("sha256")
    .update((await expectedChecksums()).join("\n"))
    .digest("hex");
  templateName = `afterglow_test_template_${digest.slice(0, 12)}`;
  await admin.query("SELECT pg_advisory_lock(724001)");
  try {
    if (await templateIsCurrent(admin)) return;
    await dropDatabase(databaseUrl(templateName));
    await migrateDatabase(databaseUrl(templateName), true);
  } finally {
    await admin.query("SELECT pg_advisory_unlock(724001)");
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  const name = `afterglow_test_${randomBytes(5).toString("hex")}`;
  try {
    await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  return { url, drop: () => dropDatabase(url) };
}
