// A plain pg pool for the webhook intake's hot path, where one batched statement beats an ORM call per row.
import pg from "pg";

export type PgPool = pg.Pool;

export function createPgPool(databaseUrl: string, max = 8): PgPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}
