import {
  inboxSettled,
  installShop,
  ledgerEntriesForOrder,
  paidOrderPayload,
  postWebhook,
} from "../support/shop-fixtures.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";
import { deleteRedisKeys } from "../support/test-redis-prefix.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { SWEEP_AFTER_SECONDS: "1", SWEEP_INTERVAL_SECONDS: "1" } });
  shop = await installShop(stack);
  await useLoyaltySettings(stack, shop, plainEarning);
});
afterAll(() => stack.stop());

describe("inbox sweeper", () => {
  test("Redis flushed right after intake: the sweeper still completes every event", async () => {
    const orderIds = Array.from({ length: 25 }, (_, i) => 9100 + i);
    for (const orderId of orderIds) {
      const response = await postWebhook(stack, {
        shop,
        topic: "orders/paid",
        payload: paidOrderPayload(orderId, 91, "3.00"),
      });
      expect(response.status).toBe(200);
    }
    // Wait until the intake's enqueue reached Redis, then lose everything Redis held for this app.
    await waitFor("jobs in Redis", async () => (await stack.services.queue.getWaitingCount()) === orderIds.length);
    const deleted = await deleteRedisKeys(stack.config.REDIS_PREFIX);
    expect(deleted).toBeGreaterThan(0);
    expect(await stack.services.queue.getWaitingCount()).toBe(0);

    stack.startWorker();
    await waitFor("the sweeper to finish every event", () => inboxSettled(stack), 20_000);
    for (const orderId of orderIds) {
      expect((await ledgerEntriesForOrder(stack, orderId)).map((entry) => entry.points)).toEqual([3]);
    }
    expect(stack.logs.some((line) => line.msg.includes("sweeper re-enqueued"))).toBe(true);
  });
});
