// Compares the migrations in prisma/migrations with those the database has applied.
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { PgPool } from "./create-pg-pool.js";

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));

export interface MigrationStatus {
  expected: string[];
  applied: string[];
  pending: string[];
}

export async function listMigrationNames(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function readMigrationStatus(pool: PgPool, dir = migrationsDir): Promise<MigrationStatus> {
  const expected = await listMigrationNames(dir);
  const table = await pool.query<{ exists: boolean }>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
  );
  let applied: string[] = [];
  if (table.rows[0]?.exists) {
    const rows = await pool.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    applied = rows.rows.map((row) => row.migration_name);
  }
  const appliedSet = new Set(applied);
  return { expected, applied, pending: expected.filter((name) => !appliedSet.has(name)) };
}
