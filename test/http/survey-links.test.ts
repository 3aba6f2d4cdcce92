import { surveyLinks, surveyToken } from "../../server/domain/nps/survey-links.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shopId: number;
const orderA = 5550000000101;
const orderB = 5550000000102;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  const domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
  for (const orderId of [orderA, orderB]) {
    await postWebhook(stack, { topic: "orders/paid", shop: domain, payload: paidOrderPayload(orderId, 7001, "40.00") });
  }
  await waitFor(
    "orders recorded",
    async () => (await inboxSettled(stack)) && (await stack.services.prisma.order.count()) === 2,
  );
});
afterAll(() => stack.stop());

const linkFor = (orderId: number, score: number, language: "en" | "id" | "fil" = "en", sentAt = new Date()) =>
  surveyLinks(stack.services.emailLinks, stack.appUrl, { shopId, shopifyOrderId: BigInt(orderId), language }, sentAt)[
    score
  ]?.url ?? "";
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
const responsesFor = (orderId: number) =>
  stack.services.prisma.npsResponse.findMany({ where: { shopifyOrderId: BigInt(orderId) } });

describe("survey links", () => {
  test("following a score link records the answer once and thanks the shopper in the order's language", async () => {
    const first = await fetch(linkFor(orderA, 9, "id"));
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain("Terima kasih!");
    expect(page).toContain("nilai 9 dari 10");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const again = await fetch(linkFor(orderA, 9, "id"));
    expect(again.status).toBe(200);
    const rows = await responsesFor(orderA);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 9, language: "id", clicks: 2 });
  });

  test("another score of the same order replaces the answer; the month it counts in stays", async () => {
    const [before] = await responsesFor(orderA);
    const response = await fetch(linkFor(orderA, 4, "id"));
    expect(response.status).toBe(200);
    const rows = await responsesFor(orderA);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.score).toBe(4);
    expect(rows[0]?.firstAnsweredAt).toEqual(before?.firstAnsweredAt);
  });

  test("a forged link (order id changed inside the token) is refused with a clear 403 page, nothing recorded", async () => {
    const token = linkFor(orderB, 10).split("/").pop() ?? "";
    const [body, mac] = token.split(".");
    const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString()) as Record<string, unknown>;
    const swapped = Buffer.from(JSON.stringify({ ...claims, o: String(orderA) })).toString("base64url");
    for (const forged of [`${swapped}.${mac}`, `${body}.${"A".repeat(43)}`, "not-a-token"]) {
      const response = await fetch(`${stack.appUrl}/nps/${forged}`, { headers: { "accept-language": "fil-PH" } });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("Hindi gumagana ang link na ito");
    }
    expect(await responsesFor(orderB)).toHaveLength(0);
    expect((await responsesFor(orderA))[0]?.score).toBe(4);
  });

  test("a link for an order we do not know (or another shop's numbering) is a 404 page", async () => {
    const unknown = await fetch(linkFor(5559999999999, 8, "fil"));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Sarado na ang survey na ito");
    const otherShop = surveyToken(stack.services.emailLinks, {
      shopId: shopId + 1000,
      shopifyOrderId: BigInt(orderB),
      score: 8,
      language: "en",
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await fetch(`${stack.appUrl}/nps/${otherShop}`)).status).toBe(404);
    expect(await stack.services.prisma.npsResponse.count()).toBe(1);
  });

  test("the comment form saves a comment with the link's own token, and refuses a forged one", async () => {
    const url = linkFor(orderB, 10, "fil");
    const page = await (await fetch(url)).text();
    const action = /action="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(action).toMatch(/^\/nps\/[\w.-]+\/comment$/);
    const post = (path: string, comment: string) =>
      fetch(`${stack.appUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ comment }).toString(),
      });
    const saved = await post(action, "  Mabilis dumating <3  ");
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Salamat sa komento mo");
    expect((await responsesFor(orderB))[0]?.comment).toBe("Mabilis dumating <3");
    expect((await post(action.replace(/\.[\w-]{43}\//, `.${"B".repeat(43)}/`), "spam")).status).toBe(403);
    expect((await post(action, "x".repeat(2001))).status).toBe(422);
    expect((await responsesFor(orderB))[0]?.comment).toBe("Mabilis dumating <3");
    // Shown back escaped on the next visit.
    expect(await (await fetch(url)).text()).toContain("Mabilis dumating &lt;3");
  });

  test("a link 30 days after its email was sent shows a clear page in the email's language and records nothing", async () => {
    const before = await responsesFor(orderB);
    const stillOpen = await fetch(linkFor(orderB, 3, "fil", daysAgo(29.9)));
    expect(stillOpen.status).toBe(200);
    await fetch(linkFor(orderB, 10, "fil", daysAgo(29.9))); // back to the score the comment test expects
    const expiredUrl = linkFor(orderB, 2, "fil", daysAgo(30.1));
    const expired = await fetch(expiredUrl, { headers: { "accept-language": "en" } });
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain('<html lang="fil">');
    expect(page).toContain("Tapos na ang survey na ito");
    expect(page).toContain("30 araw");
    const comment = await fetch(`${expiredUrl}/comment`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ comment: "late" }).toString(),
    });
    expect(comment.status).toBe(410);
    // A link from before links expired carries no expiry: it is treated as expired, not as an error.
    const legacy = stack.services.emailLinks.sign("nps", { s: shopId, o: String(orderB), v: 1, l: "id" });
    const legacyPage = await fetch(`${stack.appUrl}/nps/${legacy}`);
    expect(legacyPage.status).toBe(410);
    expect(await legacyPage.text()).toContain("Survei ini sudah berakhir");
    const after = await responsesFor(orderB);
    expect(after.map((row) => [row.score, row.comment])).toEqual(before.map((row) => [10, row.comment]));
  });

  test("many clicks at once, on one score or several, keep one answer for the order", async () => {
    const orderC = 5550000000103;
    const recorded = await stack.services.prisma.order.findFirstOrThrow({ where: { shopifyOrderId: BigInt(orderA) } });
    await stack.services.prisma.order.create({
      data: { shopId, shopifyOrderId: BigInt(orderC), subtotalPrice: "10.00", customerId: recorded.customerId },
    });
    const answers = await Promise.all([7, 7, 7, 8, 9, 7, 8].map((score) => fetch(linkFor(orderC, score))));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    const rows = await responsesFor(orderC);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.clicks).toBe(7);
    expect([7, 8, 9]).toContain(rows[0]?.score);
  });
});
