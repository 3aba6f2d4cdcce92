import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  localiseErrorBody,
  requestLanguage,
  serverMessages,
  translateMessage,
} from "../../server/http/localise-error-body.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

// Where the admin's answers come from; storefront, checkout, OAuth and webhook routes answer others (in their own way).
const notForTheAdmin = [
  "server/domain/orders/",
  "server/http/routes/auth-routes.ts",
  "server/http/routes/checkout-coupon-route.ts",
  "server/http/routes/customer-points-routes.ts",
  "server/http/routes/points-redemption-handlers.ts",
  "server/http/middleware/require-app-proxy-signature.ts",
  "server/http/webhook-intake-handler.ts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !notForTheAdmin.some((prefix) => path.startsWith(prefix)) ? [path] : [];
  });
}

// Messages as the code raises them: AppError's message, zod's message option and checks' message argument.
const raised =
  /(?:new AppError\(\s*"[a-z_]+",\s*|message:\s*|\.(?:min|max|int|regex|email|url|refine|positive|nonnegative|length|gte|lte)\((?:[^"`();]|\([^()]*\))*?,\s*|z\.(?:email|url)\(\s*)(["`])((?:(?!\1).)+)\1/gs;

/** Placeholders look alike whatever their name: `${max}` in code, `{max}` in the catalogue. */
const shape = (message: string) => message.replace(/\$\{[^}]*\}|\{\w+\}/g, "{}");

describe("server messages in the admin's languages (server/http/locales/server-messages.json)", () => {
  test("every message the admin's routes and settings can raise has an Indonesian and a Filipino version", () => {
    const known = new Set(Object.keys(serverMessages).map(shape));
    const missing: string[] = [];
    for (const file of [...sourceFiles("server/domain"), ...sourceFiles("server/http")]) {
      for (const match of readFileSync(join(root, file), "utf8").matchAll(raised)) {
        const message = match[2] ?? "";
        if (!known.has(shape(message))) missing.push(`${file}: ${message}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("each translation differs from the English and keeps its placeholders", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [english, translations] of Object.entries(serverMessages)) {
      for (const language of ["id", "fil"] as const) {
        expect([english, translations[language] !== english]).toEqual([english, true]);
        expect([english, names(translations[language])]).toEqual([english, names(english)]);
      }
    }
  });

  test("a Liquid error inside the line message is translated too; unknown text and English stay as they are", () => {
    expect(translateMessage('Line 3, column 4: tag "iff" not found', "id")).toBe(
      'Baris 3, kolom 4: tag "iff" tidak dikenal',
    );
    expect(translateMessage("At most 30 days", "fil")).toBe("Hanggang 30 araw");
    expect(translateMessage("Something nobody wrote down", "id")).toBe("Something nobody wrote down");
    expect(translateMessage("Some settings need fixing", "en")).toBe("Some settings need fixing");
    expect([
      requestLanguage("id-ID,id;q=0.9"),
      requestLanguage("tl"),
      requestLanguage("fr"),
      requestLanguage(undefined),
    ]).toEqual(["id", "fil", "en", "en"]);
    const body = {
      error: { code: "unprocessable", message: "Some fields need fixing", fields: { to: "Enter a subject" } },
    };
    expect(localiseErrorBody(body, "fil").error).toEqual({
      code: "unprocessable",
      message: "May mga field na kailangang ayusin",
      fields: { to: "Maglagay ng paksa" },
    });
  });
});

describe("an API answer in the language the admin asks for", () => {
  let stack: TestStack;
  let shop: string;

  beforeAll(async () => {
    stack = await startTestStack({ workers: 0 });
    shop = await installShop(stack);
  }, 60_000);
  afterAll(() => stack?.stop());

  const putCoupons = (language?: string) =>
    fetch(`${stack.appUrl}/api/settings/coupons`, {
      method: "PUT",
      headers: {
        ...adminHeaders(shop),
        ...(language ? { "accept-language": language } : {}),
      },
      body: JSON.stringify({ kind: "percentage", value: "250" }),
    }).then(async (response) => [
      response.status,
      ((await response.json()) as { error: Record<string, unknown> }).error,
    ]);

  test("a 422's message and per-field messages come in Indonesian or Filipino, English when not asked", async () => {
    const [status, indonesian] = await putCoupons("id");
    expect(status).toBe(422);
    expect(indonesian).toMatchObject({
      message: "Beberapa pengaturan perlu diperbaiki",
      fields: expect.objectContaining({ eligibility: "Pilih pesanan pertama, setiap pesanan atau pelanggan berulang" }),
    });
    const [, filipino] = await putCoupons("fil");
    expect(filipino).toMatchObject({ message: "May mga setting na kailangang ayusin" });
    const [, english] = await putCoupons();
    expect(english).toMatchObject({ message: "Some settings need fixing" });
  });
});
