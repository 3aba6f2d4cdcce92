// Liveness, readiness (PostgreSQL, Redis, migrations) and Prometheus metrics.
import { Router } from "express";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { readMigrationStatus } from "../../db/migration-status.js";

export interface HealthDeps {
  pool: PgPool;
  redis: Redis;
  registry: Registry;
  beforeMetrics?: () => Promise<void>;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const checks = {
      postgres: await probe(async () => {
        await deps.pool.query("SELECT 1");
      }),
      redis: await probe(async () => {
        await deps.redis.ping();
      }),
      migrations: await probe(async () => {
        const status = await readMigrationStatus(deps.pool);
        if (status.pending.length > 0) throw new Error(`pending: ${status.pending.join(", ")}`);
      }),
    };
    const ready = Object.values(checks).every((check) => check === "ok");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not_ready", checks });
  });
  router.get("/metrics", async (_req, res) => {
    await deps.beforeMetrics?.();
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}

async function probe(check: () => Promise<void>): Promise<string> {
  try {
    await check();
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : "failed";
  }
}
