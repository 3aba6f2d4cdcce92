import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import type { EnqueueEmailInput } from "../../server/domain/emails/enqueue-email.js";
import { rowReaches, startEmailStack } from "../support/email-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import type { TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shopId: number;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  const domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
  for (const [email, state] of [
    ["yes@example.com", "subscribed"],
    ["later@example.com", "subscribed"],
    ["no@example.com", "not_subscribed"],
  ]) {
    await stack.services.repositories.emailConsents.record(shopId, {
      email: email ?? "",
      shopifyCustomerId: null,
      state: state ?? "",
      changedAt: new Date("2026-11-01T00:00:00Z"),
    });
  }
});
afterAll(() => stop());

/** mailparser gathers List-* headers into one "list" entry: { unsubscribe: { url }, "unsubscribe-post": { name } }. */
function listHeaders(headers: Record<string, string> | undefined): { unsubscribe?: string; post?: string } {
  if (!headers?.list) return {};
  const list = JSON.parse(headers.list) as {
    unsubscribe?: { url?: string };
    "unsubscribe-post"?: { name?: string };
  };
  return { unsubscribe: list.unsubscribe?.url, post: list["unsubscribe-post"]?.name };
}

let sequence = 0;
/** No promotional kind ships yet (coupon reminders, win-backs come later): any kind marked promotional is one. */
function mail(to: string, promotional: boolean, sendAfter: Date | null = null): EnqueueEmailInput {
  sequence += 1;
  return {
    shopId,
    kind: "order_received",
    dedupeKey: `test:${sequence}`,
    to,
    language: "id",
    promotional,
    sendAfter,
    data: { customer: { firstName: "Ayu" }, order: { name: `#${sequence}` } },
  };
}

describe("promotional mail and consent, through the outbox and SMTP", () => {
  test("a subscribed shopper gets it with List-Unsubscribe, one-click POST, and the link in both parts", async () => {
    const queued = await stack.services.enqueueEmail(mail("yes@example.com", true));
    await rowReaches(stack, queued.id, ["sent"]);
    const [message] = catcher.messages({ to: "yes@example.com" });
    const list = listHeaders(message?.headers);
    const url = list.unsubscribe ?? "";
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/email\/unsubscribe\/[\w-]+\.[\w-]{43}$/);
    expect(list.post).toBe("List-Unsubscribe=One-Click");
    expect(message?.html).toContain(`href="${url}"`);
    expect(message?.html).toContain("Berhenti berlangganan email ini");
    expect(message?.text).toContain(url);
  });

  test("no consent, no promotional mail; transactional mail still goes, without unsubscribe headers", async () => {
    const promotional = await stack.services.enqueueEmail(mail("no@example.com", true));
    const unknown = await stack.services.enqueueEmail(mail("stranger@example.com", true));
    expect(await rowReaches(stack, promotional.id, ["skipped"])).toMatchObject({
      lastError: "email marketing consent is not_subscribed",
    });
    expect(await rowReaches(stack, unknown.id, ["skipped"])).toMatchObject({
      lastError: "no email marketing consent on record",
    });
    const transactional = await stack.services.enqueueEmail(mail("no@example.com", false));
    await rowReaches(stack, transactional.id, ["sent"]);
    const messages = catcher.messages({ to: "no@example.com" });
    expect(messages).toHaveLength(1);
    expect(listHeaders(messages[0]?.headers)).toEqual({});
    expect(catcher.messages({ to: "stranger@example.com" })).toHaveLength(0);
  });

  test("one-click unsubscribe is honoured at once: mail already queued for that shopper is skipped at send time", async () => {
    const first = await stack.services.enqueueEmail(mail("later@example.com", true));
    await rowReaches(stack, first.id, ["sent"]);
    const waiting = await stack.services.enqueueEmail(mail("later@example.com", true, new Date(Date.now() + 2000)));
    const transactional = await stack.services.enqueueEmail(
      mail("later@example.com", false, new Date(Date.now() + 2000)),
    );
    const url = listHeaders(catcher.messages({ to: "later@example.com" })[0]?.headers).unsubscribe ?? "";
    const oneClick = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await rowReaches(stack, waiting.id, ["skipped", "sent"])).toMatchObject({
      status: "skipped",
      lastError: "email marketing consent is unsubscribed",
    });
    await rowReaches(stack, transactional.id, ["sent"]);
    expect(catcher.messages({ to: "later@example.com" })).toHaveLength(2);
  });
});
