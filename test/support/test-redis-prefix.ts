// Each test file gets its own Redis key prefix, and deletes its keys when done.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function newRedisPrefix(): string {
  return `afterglow-test-${randomBytes(5).toString("hex")}`;
}

/** Deletes every key under the prefix: what a Redis flush does to this test's data, without touching others'. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(testRedisUrl);
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}
