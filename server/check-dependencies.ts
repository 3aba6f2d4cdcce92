// Before start-up: PostgreSQL and Redis reachable and the schema current, each failure saying how to fix it.
import { Redis } from "ioredis";
import type { AppConfig } from "./config/load-config.js";
import { createPgPool } from "./db/create-pg-pool.js";
import { readMigrationStatus } from "./db/migration-status.js";

export class DependencyError extends Error {
  override name = "DependencyError";
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export async function checkPostgres(databaseUrl: string, options: { migrations: boolean }): Promise<void> {
  const pool = createPgPool(databaseUrl, 1);
  try {
    await pool.query("SELECT 1").catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DependencyError(
        `PostgreSQL is not reachable at ${redacted(databaseUrl)} (${reason}). ` +
          "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — then run `npm run db:migrate`.",
      );
    });
    if (!options.migrations) return;
    const status = await readMigrationStatus(pool);
    if (status.pending.length > 0) {
      throw new DependencyError(
        `The database at ${redacted(databaseUrl)} is behind: ${status.pending.length} migration(s) not applied ` +
          `(${status.pending.join(", ")}). Run \`npm run db:migrate\`.`,
      );
    }
  } finally {
    await pool.end();
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // ioredis rejects with "Connection is closed"; the socket error it emitted first says why.
  let socketError: Error | undefined;
  redis.on("error", (error: Error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const reason = socketError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new DependencyError(
      `Redis is not reachable at ${redacted(redisUrl)} (${reason}). Start it with: ` +
        'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
    );
  } finally {
    redis.disconnect();
  }
}

export async function checkDependencies(config: AppConfig): Promise<void> {
  await checkPostgres(config.DATABASE_URL, { migrations: true });
  await checkRedis(config.REDIS_URL);
}
