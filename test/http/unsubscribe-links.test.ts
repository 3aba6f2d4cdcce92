import { unsubscribeUrl } from "../../server/domain/consent/unsubscribe-links.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack();
  const domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
});
afterAll(() => stack.stop());

async function subscribed(email: string): Promise<void> {
  await stack.services.repositories.emailConsents.record(shopId, {
    email,
    shopifyCustomerId: null,
    state: "subscribed",
    changedAt: new Date("2026-11-01T00:00:00Z"),
  });
}

async function linkFor(email: string, language: "en" | "id" | "fil" = "en"): Promise<string> {
  const permission = await stack.services.sendPermission({ shopId, to: email, language, promotional: true });
  if (!permission.send || !permission.unsubscribeUrl) throw new Error(`no unsubscribe link for ${email}`);
  return permission.unsubscribeUrl;
}

const promotionalAllowed = async (email: string) =>
  (await stack.services.sendPermission({ shopId, to: email, language: "en", promotional: true })).send;
const oneClick = (url: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("unsubscribe links", () => {
  test("GET shows a confirmation page in the email's language and changes nothing", async () => {
    await subscribed("rina@example.com");
    const url = await linkFor("rina@example.com", "id");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Berhenti berlangganan email dari Shop test-shop.myshopify.com?");
    expect(page).toContain("r***@example.com");
    expect(page).not.toContain("rina@example.com");
    expect(page).toContain(`<form method="post" action="${new URL(url).pathname}">`);
    expect(await promotionalAllowed("rina@example.com")).toBe(true);
  });

  test("one-click POST (RFC 8058) unsubscribes with no page; promotional mail stops, transactional continues", async () => {
    await subscribed("joy@example.com");
    const url = await linkFor("joy@example.com");
    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await promotionalAllowed("joy@example.com")).toBe(false);
    expect(
      await stack.services.sendPermission({ shopId, to: "joy@example.com", language: "en", promotional: false }),
    ).toEqual({ send: true, headers: {}, unsubscribeUrl: null });
    const row = await stack.services.prisma.emailConsent.findFirstOrThrow({ where: { email: "joy@example.com" } });
    expect(row.state).toBe("unsubscribed");
    expect(row.unsubscribedAt).not.toBeNull();
    // Again: still 200, still unsubscribed, the first time kept.
    expect((await oneClick(url)).status).toBe(200);
    const again = await stack.services.prisma.emailConsent.findFirstOrThrow({ where: { email: "joy@example.com" } });
    expect(again.unsubscribedAt).toEqual(row.unsubscribedAt);
  });

  test("the confirmation page's button unsubscribes and says so", async () => {
    await subscribed("mark@example.com");
    const url = await linkFor("mark@example.com", "fil");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Naka-unsubscribe ka na");
    expect(await promotionalAllowed("mark@example.com")).toBe(false);
  });

  test("Shopify reporting the old consent again does not re-subscribe; a newer opt-in does", async () => {
    const report = { email: "joy@example.com", shopifyCustomerId: null, state: "subscribed" };
    await stack.services.repositories.emailConsents.record(shopId, {
      ...report,
      changedAt: new Date("2026-11-01T00:00:00Z"),
    });
    expect(await promotionalAllowed("joy@example.com")).toBe(false);
    await stack.services.repositories.emailConsents.record(shopId, {
      ...report,
      changedAt: new Date(Date.now() + 60_000),
    });
    expect(await promotionalAllowed("joy@example.com")).toBe(true);
  });

  test("a forged or foreign token is refused with a 403 page (one-click too) and unsubscribes nobody", async () => {
    await subscribed("dan@example.com");
    const url = await linkFor("dan@example.com");
    const token = url.split("/").pop() ?? "";
    const [body] = token.split(".");
    const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString()) as { c: number };
    const other = Buffer.from(JSON.stringify({ ...claims, c: claims.c - 1 })).toString("base64url");
    const forged = url.replace(token, `${other}.${token.split(".")[1]}`);
    const page = await fetch(forged, { headers: { "accept-language": "id" } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Tautan berhenti berlangganan ini tidak berfungsi");
    expect((await oneClick(forged)).status).toBe(403);
    // A survey token is signed for another purpose.
    const survey = stack.services.emailLinks.sign("nps", { c: claims.c, l: "en" });
    expect((await oneClick(url.replace(token, survey))).status).toBe(403);
    expect(await promotionalAllowed("dan@example.com")).toBe(true);
    expect(await promotionalAllowed("rina@example.com")).toBe(true);
  });

  test("a link to a consent row that no longer exists is a 404", async () => {
    const url = unsubscribeUrl(stack.services.emailLinks, stack.appUrl, { consentId: 999_999, language: "en" });
    expect((await fetch(url)).status).toBe(404);
  });
});
