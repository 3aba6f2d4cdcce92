import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../../scripts/db-migrate.js";
import { createPgPool } from "../../server/db/create-pg-pool.js";
import { createPrismaClient } from "../../server/db/create-prisma-client.js";
import { dropDatabase } from "../../server/db/ensure-database.js";
import { readMigrationStatus } from "../../server/db/migration-status.js";
import { createLedgerRepository } from "../../server/domain/loyalty/ledger-repository.js";
import { databaseUrl } from "../support/test-database.js";

const url = databaseUrl(`afterglow_test_migrate_${randomBytes(4).toString("hex")}`);

afterAll(() => dropDatabase(url));

describe("migrations", () => {
  test("every migration applies to an empty database and the client works against it", async () => {
    await migrateDatabase(url, true);
    const pool = createPgPool(url, 1);
    const status = await readMigrationStatus(pool);
    expect(status.pending).toEqual([]);
    expect(status.applied.sort()).toEqual(status.expected);
    await pool.end();

    const prisma = createPrismaClient(url, 2);
    const ledgerPool = createPgPool(url, 2);
    const shop = await prisma.shop.create({ data: { domain: "migrated.myshopify.com" } });
    const customer = await prisma.customer.create({ data: { shopId: shop.id, shopifyCustomerId: 1n } });
    const ledger = createLedgerRepository(ledgerPool);
    const entry = {
      shopId: shop.id,
      customerId: customer.id,
      points: 7,
      cause: "order" as const,
      idempotencyKey: "k1",
    };
    expect(await ledger.append(entry)).toEqual({ applied: true, balance: 7, pending: 0 });
    expect(await ledger.append(entry)).toEqual({ applied: false });
    expect(await ledger.balanceMismatches(shop.id)).toEqual([]);
    await prisma.$disconnect();
    await ledgerPool.end();
  });

  test("the ledger refuses updates and deletes", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query("UPDATE ledger_entry SET points = 1000")).rejects.toThrow(
        /append-only: UPDATE refused/,
      );
      await expect(client.query("DELETE FROM ledger_entry")).rejects.toThrow(/append-only: DELETE refused/);
    } finally {
      await client.end();
    }
  });

  test("a database with pending migrations is reported as behind", async () => {
    const emptyUrl = databaseUrl(`afterglow_test_empty_${randomBytes(4).toString("hex")}`);
    const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(emptyUrl).pathname.slice(1)}"`);
    await admin.end();
    const pool = createPgPool(emptyUrl, 1);
    try {
      const status = await readMigrationStatus(pool);
      expect(status.applied).toEqual([]);
      expect(status.pending).toEqual(status.expected);
      expect(status.pending.length).toBeGreaterThan(0);
    } finally {
      await pool.end();
      await dropDatabase(emptyUrl);
    }
  });
});
