import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { yieldToThankYouBacklog } from "../../server/jobs/yield-to-thank-you-backlog.js";
import { deleteRedisKeys, newRedisPrefix, testRedisUrl } from "../support/test-redis-prefix.js";
import { waitFor } from "../support/start-test-stack.js";

const prefix = newRedisPrefix();
const connection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
const thankYou = new Queue("thank-you", { connection, prefix });
const emails = new Queue("emails", { connection, prefix });
const sent: string[] = [];
const emailWorker = new Worker(
  "emails",
  async (job) => {
    sent.push(job.name);
  },
  { connection, prefix, concurrency: 4 },
);
const yielding = yieldToThankYouBacklog(thankYou, [emailWorker], pino({ level: "silent" }), { intervalMs: 25 });

afterAll(async () => {
  await yielding.stop();
  await emailWorker.close();
  await Promise.all([thankYou.close(), emails.close()]);
  await deleteRedisKeys(prefix);
  connection.disconnect();
});

describe("other queues yield to waiting thank-you jobs", () => {
  test("emails wait while thank-you jobs wait, and go once those are taken", async () => {
    await emails.add("before", {});
    await waitFor("the first email", async () => sent.includes("before"));

    // No thank-you worker here: these jobs wait, as they do when a sale outruns the CPU.
    await thankYou.addBulk([1, 2, 3].map((n) => ({ name: `order-${n}`, data: {} })));
    await waitFor("the email worker to pause", async () => emailWorker.isPaused());
    await emails.addBulk([1, 2, 3, 4, 5].map((n) => ({ name: `during-${n}`, data: {} })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A paused BullMQ worker still takes the one job its blocked fetch was already waiting for; no more.
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(yielding.isYielding()).toBe(true);

    await thankYou.drain();
    await waitFor("the held emails", async () => sent.length === 6);
    expect(emailWorker.isPaused()).toBe(false);
  });
});
