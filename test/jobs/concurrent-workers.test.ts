import type { Job } from "bullmq";
import { createProcessWebhookJob } from "../../server/jobs/process-webhook-job.js";
import { webhookHandlers } from "../../server/jobs/webhook-handlers.js";
import type { WebhookJobData } from "../../server/jobs/webhook-queue.js";
import {
  inboxSettled,
  installShop,
  ledgerEntriesForOrder,
  paidOrderPayload,
  postWebhook,
} from "../support/shop-fixtures.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
  await useLoyaltySettings(stack, shop, plainEarning);
});
afterAll(() => stack.stop());

function processorFor(s: TestStack) {
  return createProcessWebhookJob({
    inbox: s.services.repositories.inbox,
    shops: s.services.repositories.shops,
    handlers: webhookHandlers(s.services),
    metrics: s.services.metrics,
    logger: s.services.logger,
  });
}

const fakeJob = (inboxId: string) =>
  ({
    id: `inbox-${inboxId}`,
    data: { inboxId },
    attemptsMade: 0,
    opts: { attempts: 8 },
  }) as unknown as Job<WebhookJobData>;

describe("two workers on one order", () => {
  test("the same inbox row processed by two workers at once gives one ledger entry", async () => {
    // No BullMQ worker runs here: the two processors below play two workers that both got the job
    // (as after a stalled lock), racing on the same rows in real PostgreSQL.
    const first = processorFor(stack);
    const second = processorFor(stack);
    for (let i = 0; i < 20; i += 1) {
      const orderId = 7000 + i;
      const response = await postWebhook(stack, {
        shop,
        topic: "orders/paid",
        payload: paidOrderPayload(orderId, 700 + (i % 3), "25.00"),
      });
      const { inboxId } = (await response.json()) as { inboxId: string };
      await Promise.all([first(fakeJob(inboxId)), second(fakeJob(inboxId))]);
      expect((await ledgerEntriesForOrder(stack, orderId)).length).toBe(1);
    }
  });

  test("orders/create and orders/paid for one order, on two real BullMQ workers, give one entry", async () => {
    stack.startWorker();
    stack.startWorker();
    const orderIds = Array.from({ length: 30 }, (_, i) => 8000 + i);
    await Promise.all(
      orderIds.flatMap((orderId) => {
        const payload = paidOrderPayload(orderId, 800 + (orderId % 5), "10.00");
        return [
          postWebhook(stack, { shop, topic: "orders/create", payload }),
          postWebhook(stack, { shop, topic: "orders/paid", payload }),
        ];
      }),
    );
    await waitFor("processing", () => inboxSettled(stack), 30_000);
    for (const orderId of orderIds) expect((await ledgerEntriesForOrder(stack, orderId)).length).toBe(1);
    const mismatches = await stack.services.prisma.shop
      .findUniqueOrThrow({ where: { domain: shop } })
      .then((row) => stack.services.repositories.ledger.balanceMismatches(row.id));
    expect(mismatches).toEqual([]);
  });
});
