import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { adminApi } from "../support/admin-api.js";
import { rowReaches, startEmailStack } from "../support/email-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shop: string;
let shopId: number;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
});
afterAll(() => stop());

const api = (method: string, path: string, body?: unknown) => adminApi(stack, shop, method, path, body);

const valid = {
  subject: "Your {{ shop.name }} order {{ order.name }}",
  html: "<p>Hello {{ customer.firstName }}</p>\n{% for item in order.items %}<p>{{ item.title }}</p>{% endfor %}",
  text: "Hello {{ customer.firstName }}",
};

let sequence = 0;
/** Sends one email of the kind through the outbox, as a webhook would, and returns what arrived. */
async function sendOne(kind: "shipped" | "delivered" | "order_received") {
  sequence += 1;
  const to = `template${sequence}@example.com`;
  const { id } = await stack.services.enqueueEmail({
    shopId,
    kind,
    dedupeKey: `order:${9000 + sequence}:${kind}`,
    to,
    language: "en",
    promotional: false,
    data: { customer: { firstName: "Ana" }, order: { name: `#${9000 + sequence}`, items: [] } },
  });
  await rowReaches(stack, id, ["sent"]);
  return waitFor("the message", async () => catcher.messages({ to })[0]);
}

async function summary(kind: string, language: string) {
  const listed = await api("GET", "/api/email-templates");
  const templates = listed.json.templates as { kind: string; language: string; isCustom: boolean; lastError: string }[];
  return templates.find((entry) => entry.kind === kind && entry.language === language);
}

describe("email templates in the admin API", () => {
  test("lists every kind in en, id and fil; the defaults can be read", async () => {
    const listed = await api("GET", "/api/email-templates");
    expect(listed.status).toBe(200);
    const templates = listed.json.templates as { kind: string; language: string; hasDefault: boolean }[];
    const kinds = ["order_received", "first_order_thank_you", "shipped", "out_for_delivery", "delivered"];
    for (const kind of kinds) {
      for (const language of ["en", "id", "fil"]) {
        expect(templates).toContainEqual(
          expect.objectContaining({ kind, language, hasDefault: true, isCustom: false }),
        );
      }
    }
    const one = await api("GET", "/api/email-templates/shipped/fil");
    expect((one.json.template as { subject: string }).subject).toBe("Papunta na sa iyo ang order {{ order.name }}");
    expect((await api("GET", "/api/email-templates/shipped/de")).status).toBe(404);
  });

  test("a Liquid syntax error is a 422 naming the field, line and column", async () => {
    const broken = {
      ...valid,
      html: "<p>Hi</p>\n<p>{{ order.name }}</p>\n{% if customer.firstName %}\n<p>never closed</p>",
    };
    const answer = await api("PUT", "/api/email-templates/order_received/en", broken);
    expect(answer.status).toBe(422);
    const error = answer.json.error as { details: Record<string, unknown>; fields: Record<string, string> };
    expect(error.details).toEqual({
      field: "html",
      line: 3,
      column: 1,
      message: "tag {% if customer.firstName %} not closed",
    });
    expect(error.fields.html).toMatch(/^Line 3, column 1: /);
    const filter = await api("PUT", "/api/email-templates/order_received/en", {
      ...valid,
      subject: "Hi\n{{ x | shout }}",
    });
    expect(filter.status).toBe(422);
    expect((filter.json.error as { details: { field: string; line: number } }).details).toMatchObject({
      field: "subject",
      line: 2,
    });
    expect((await summary("order_received", "en"))?.isCustom).toBe(false);
  });

  test("preview renders a sample order with the shop's name, without saving", async () => {
    const answer = await api("POST", "/api/email-templates/order_received/en/preview", valid);
    expect(answer.status).toBe(200);
    expect(answer.json.subject).toBe("Your Shop test-shop.myshopify.com order #1001");
    expect(answer.json.html).toContain("<p>Ceramic Mug</p>");
    expect(answer.json.html).toContain("<!doctype html>");
    expect(answer.json.text).toBe("Hello Ana\n");
  });

  test("a saved template is used for real emails and for a test email", async () => {
    expect((await api("PUT", "/api/email-templates/order_received/en", valid)).status).toBe(200);
    expect((await summary("order_received", "en"))?.isCustom).toBe(true);
    const message = await sendOne("order_received");
    expect(message.subject).toMatch(/^Your Shop test-shop\.myshopify\.com order #9\d+$/);
    const test = await api("POST", "/api/email-templates/order_received/en/test", { to: "owner@example.com" });
    expect(test.status).toBe(202);
    const arrived = await waitFor("the test email", async () => catcher.messages({ to: "owner@example.com" })[0]);
    expect(arrived.subject).toBe("Your Shop test-shop.myshopify.com order #1001");
  });

  test("a stored template that fails at render time: the default goes out, the error is shown", async () => {
    // Parses, but fails when rendered (no partials exist): as a template stored before a change could.
    await stack.services.prisma.emailTemplate.create({
      data: { shopId, kind: "shipped", language: "en", subject: "{% render 'missing' %}", html: "<p>x</p>", text: "x" },
    });
    const message = await sendOne("shipped");
    expect(message.subject).toMatch(/^Your order #9\d+ is on its way$/);
    expect((await summary("shipped", "en"))?.lastError).toMatch(/Failed to lookup "missing"/);
  });

  test("after a good version was sent, a broken edit falls back to that last good version", async () => {
    const good = { ...valid, subject: "Delivered: {{ order.name }}" };
    expect((await api("PUT", "/api/email-templates/delivered/en", good)).status).toBe(200);
    expect((await sendOne("delivered")).subject).toMatch(/^Delivered: #9\d+$/);
    await stack.services.prisma.emailTemplate.updateMany({
      where: { shopId, kind: "delivered", language: "en" },
      data: { text: "{% render 'gone' %}" },
    });
    const message = await sendOne("delivered");
    expect(message.subject).toMatch(/^Delivered: #9\d+$/);
    expect(message.text).toBe("Hello Ana\n");
    expect((await summary("delivered", "en"))?.lastError).toMatch(/Failed to lookup "gone"/);
  });

  test("settings: 422 per field, then the saved values come back", async () => {
    const bad = await api("PUT", "/api/settings/emails", {
      kinds: { shipped: { enabled: true, delayMinutes: -5 } },
      accentColor: "green",
      replyTo: "not-an-email",
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json.error as { fields: object }).fields).sort()).toEqual(
      ["accentColor", "kinds.shipped.delayMinutes", "replyTo"].sort(),
    );
    const good = await api("PUT", "/api/settings/emails", { senderName: "Glow & Co", accentColor: "#aa3366" });
    expect(good.status).toBe(200);
    const settings = (await api("GET", "/api/settings/emails")).json.settings as Record<string, unknown>;
    expect(settings).toMatchObject({ senderName: "Glow & Co", accentColor: "#aa3366", replyTo: null });
    expect(settings.kinds).toMatchObject({ first_order_thank_you: { enabled: true, delayMinutes: 30 } });
  });
});
