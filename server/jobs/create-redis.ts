// ioredis connections as BullMQ wants them: workers block, so they must not give up on a slow command.
import { Redis } from "ioredis";

export type { Redis };

export function createRedis(url: string, purpose: "queue" | "worker" = "queue"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: purpose === "worker" ? null : 3,
    // Commands issued while (re)connecting wait for the connection instead of failing at once.
    lazyConnect: false,
  });
}
