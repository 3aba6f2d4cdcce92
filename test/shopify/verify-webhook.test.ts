import "@shopify/shopify-api/adapters/node";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { buildSignedWebhook } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { AppError } from "../../server/errors/app-error.js";
import { createVerifyWebhook } from "../../server/shopify/verify-webhook.js";

const secret = "conformance-secret";
const shopify = shopifyApi({
  apiKey: "key",
  apiSecretKey: secret,
  scopes: [],
  hostName: "app.example.com",
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  logger: { log: async () => undefined },
});
const verify = createVerifyWebhook([secret]);

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

async function libraryAccepts(headers: Record<string, string>, body: string): Promise<boolean> {
  const rawRequest = { headers, method: "POST", url: "/api/webhooks" } as unknown as IncomingMessage;
  const result = await shopify.webhooks.validate({ rawBody: body, rawRequest, rawResponse: {} as ServerResponse });
  return result.valid;
}

function ourVerdict(headers: Record<string, string>, body: string): boolean {
  try {
    verify(headers, Buffer.from(body, "utf8"));
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

describe("verifyWebhook agrees with @shopify/shopify-api's webhooks.validate", () => {
  type Mutation = (h: Record<string, string>, b: string) => [Record<string, string>, string];
  const cases: [string, boolean, Mutation][] = [
    ["valid, with non-ASCII text", true, (h, b) => [h, b]],
    ["signature missing", false, (h, b) => [{ ...h, "x-shopify-hmac-sha256": "" }, b]],
    [
      "signature altered",
      false,
      (h, b) => [{ ...h, "x-shopify-hmac-sha256": "AAAA" + h["x-shopify-hmac-sha256"]?.slice(4) }, b],
    ],
    ["body tampered after signing", false, (h, b) => [h, b.replace("1", "2")]],
    ["body with a trailing space", false, (h, b) => [h, `${b} `]],
    ["another body under the same signature", false, (h) => [h, "{}"]],
  ];

  test.each(cases)("%s (accepted: %s)", async (_name, accepted, mutate) => {
    for (let i = 0; i < 25; i += 1) {
      const payload = {
        id: i + 1,
        note: `Salamat po! Terima kasih ${randomBytes(8).toString("hex")} ✓`,
        total: "10.00",
      };
      const signed = buildSignedWebhook({
        shop: "a.myshopify.com",
        topic: "orders/paid",
        payload,
        secret,
        apiVersion: "2026-10",
      });
      const [headers, body] = mutate(lowerCase(signed.headers), signed.body);
      expect(await libraryAccepts(headers, body)).toBe(accepted);
      expect(ourVerdict(headers, body)).toBe(accepted);
    }
  });

  test("a signature from the previous secret is accepted during a rotation, and only then", () => {
    const signed = buildSignedWebhook({
      shop: "a.myshopify.com",
      topic: "orders/paid",
      payload: { id: 1 },
      secret: "old",
      apiVersion: "2026-10",
    });
    const headers = lowerCase(signed.headers);
    expect(() => createVerifyWebhook([secret, "old"])(headers, Buffer.from(signed.body))).not.toThrow();
    expect(() => createVerifyWebhook([secret])(headers, Buffer.from(signed.body))).toThrow(
      "Webhook HMAC does not match",
    );
  });
});
