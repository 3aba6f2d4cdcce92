// CPU time spent by the processes a benchmark phase runs, read from Linux /proc, so figures survive a busy machine.
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import pg from "pg";

/** User plus system CPU time of a process so far, in milliseconds (clock ticks are 10 ms); 0 once it is gone. */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * PostgreSQL's backends serving one database: the app's pools keep them open through a phase, so their CPU is the
 * database work the app asked for (other sessions' databases on the same server are not counted).
 */
export async function postgresBackendCpu(databaseUrl: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return new Map(rows.map((row) => [row.pid, cpuMs(row.pid)]));
  } finally {
    await client.end();
  }
}

/** CPU the backends spent between two readings; a backend that appeared in between counts from zero. */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Redis's own CPU so far (INFO cpu, main thread and children), in milliseconds: the queues' share of an order. */
export async function redisCpuMs(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info("cpu");
    const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
    return (seconds("used_cpu_sys") + seconds("used_cpu_user")) * 1000;
  } finally {
    redis.disconnect();
  }
}
