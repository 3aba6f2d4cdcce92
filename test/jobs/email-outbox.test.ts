import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import type { EnqueueEmailInput } from "../../server/domain/emails/enqueue-email.js";
import { sweepOutbox } from "../../server/jobs/sweep-outbox.js";
import { emailQueueIdle, outboxRow, rowReaches, startEmailStack } from "../support/email-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shopId: number;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack({ workers: 2 }));
  const domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
});
afterAll(() => stop());
afterEach(() => catcher.fail("none"));

let sequence = 0;
function orderEmail(overrides: Partial<EnqueueEmailInput> = {}): EnqueueEmailInput {
  sequence += 1;
  return {
    shopId,
    kind: "order_received",
    dedupeKey: `order:${5000 + sequence}:received`,
    to: `shopper${sequence}@example.com`,
    language: "en",
    promotional: false,
    data: {
      customer: { firstName: "Ana" },
      order: {
        name: `#${5000 + sequence}`,
        currency: "USD",
        totalPrice: "36.00",
        items: [{ title: "Ceramic Mug", quantity: 2, price: "18.00" }],
      },
    },
    ...overrides,
  };
}

const delivered = (to: string) => catcher.messages({ to });

describe("the email outbox", () => {
  test("an email arrives once at the SMTP server, with the row's Message-ID, however often it is enqueued", async () => {
    const input = orderEmail();
    const first = await stack.services.enqueueEmail(input);
    const again = await Promise.all([1, 2, 3].map(() => stack.services.enqueueEmail(input)));
    expect(first.created).toBe(true);
    expect(again.map((result) => [result.id, result.created])).toEqual([
      [first.id, false],
      [first.id, false],
      [first.id, false],
    ]);
    const row = await rowReaches(stack, first.id, ["sent"]);
    await waitFor("the queue to drain", () => emailQueueIdle(stack));
    const messages = delivered(input.to ?? "");
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toBe(`Thanks for your order ${String((input.data.order as { name: string }).name)}`);
    expect(messages[0]?.messageId).toBe(row.messageId);
    expect(messages[0]?.text).toContain("2 x Ceramic Mug");
    expect(row.lastResponse).toMatch(/^250/);
    expect(row.attempts).toBe(1);
  });

  test("extra jobs for the same row, on two workers, still send it once", async () => {
    const input = orderEmail({ sendAfter: new Date(Date.now() + 300) });
    const { id } = await stack.services.enqueueEmail(input);
    await Promise.all(
      [1, 2, 3, 4].map((copy) =>
        stack.services.emailQueue.add("send-email", { emailId: id }, { jobId: `dup-${id}-${copy}`, delay: 300 }),
      ),
    );
    await rowReaches(stack, id, ["sent"]);
    await waitFor("the queue to drain", () => emailQueueIdle(stack));
    expect(delivered(input.to ?? "")).toHaveLength(1);
  });

  test("temporary refusals (451) are retried with backoff until the server accepts, then sent once", async () => {
    catcher.fail("temporary", 2);
    const input = orderEmail();
    const { id } = await stack.services.enqueueEmail(input);
    const row = await rowReaches(stack, id, ["sent"]);
    expect(row.attempts).toBe(3);
    expect(delivered(input.to ?? "")).toHaveLength(1);
  });

  test("a permanent refusal (550) is recorded with the server's answer and not retried", async () => {
    catcher.fail("permanent", 1);
    const input = orderEmail();
    const { id } = await stack.services.enqueueEmail(input);
    const row = await rowReaches(stack, id, ["failed"]);
    expect(row.lastResponse).toMatch(/^550 5\.1\.1 Recipient address rejected/);
    expect(row.attempts).toBe(1);
    await waitFor("the queue to drain", () => emailQueueIdle(stack));
    expect(delivered(input.to ?? "")).toHaveLength(0);
    expect((await outboxRow(stack, id)).status).toBe("failed");
  });

  test("SMTP down: queued emails wait, retrying; when it is back each arrives exactly once", async () => {
    await catcher.stopSmtp();
    const inputs = [1, 2, 3, 4, 5].map(() => orderEmail());
    const ids = await Promise.all(inputs.map(async (input) => (await stack.services.enqueueEmail(input)).id));
    for (const id of ids) {
      await waitFor(`email ${id} to have failed twice`, async () => {
        const row = await outboxRow(stack, id);
        return row.attempts >= 2 && row.status === "queued" ? row : null;
      });
    }
    expect((await outboxRow(stack, ids[0] ?? 0)).lastResponse).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    await catcher.startSmtp();
    for (const id of ids) await rowReaches(stack, id, ["sent"], 30_000);
    await waitFor("the queue to drain", () => emailQueueIdle(stack));
    for (const input of inputs) expect(delivered(input.to ?? "")).toHaveLength(1);
  });

  test("a row whose job Redis lost is found by the sweep and sent", async () => {
    const input = orderEmail();
    // Written straight to the table, as if the job had been lost with Redis.
    const { row } = await stack.services.repositories.emailOutbox.insert({
      shopId,
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      toAddress: input.to ?? "",
      language: "en",
      promotional: false,
      customerId: null,
      shopifyOrderId: null,
      data: input.data,
      sendAfter: new Date(Date.now() - 60_000),
      status: "queued",
      lastError: null,
    });
    expect(await sweepOutbox(stack.services.repositories.emailOutbox, stack.services.emailQueue, new Date())).toBe(1);
    await rowReaches(stack, row.id, ["sent"]);
    expect(delivered(input.to ?? "")).toHaveLength(1);
  });

  test("a row left 'sending' by a crash is sent again with the same Message-ID", async () => {
    const input = orderEmail();
    const { id } = await stack.services.enqueueEmail(input);
    const sent = await rowReaches(stack, id, ["sent"]);
    // As if the process had died after the SMTP server took the message but before the row said so.
    await stack.services.prisma.emailOutbox.update({
      where: { id },
      data: { status: "sending", claimedAt: new Date(Date.now() - 3_600_000) },
    });
    const swept = await sweepOutbox(
      stack.services.repositories.emailOutbox,
      stack.services.emailQueue,
      new Date(),
      new Date(Date.now() - 60_000),
    );
    expect(swept).toBe(1);
    await rowReaches(stack, id, ["sent"]);
    await waitFor("the resend", async () => delivered(input.to ?? "").length === 2);
    expect(new Set(delivered(input.to ?? "").map((message) => message.messageId))).toEqual(new Set([sent.messageId]));
  });

  test("a kind switched off is recorded as skipped and never sent", async () => {
    await stack.services.repositories.emailSettings.save(shopId, {
      ...(await stack.services.repositories.emailSettings.settingsFor(shopId)),
      kinds: { delivered: { enabled: false, delayMinutes: 0 } },
    });
    const input = orderEmail({ kind: "delivered", dedupeKey: "order:1:delivered" });
    const result = await stack.services.enqueueEmail(input);
    expect(result.status).toBe("skipped");
    expect((await outboxRow(stack, result.id)).lastError).toBe("delivered emails are switched off");
  });
});
