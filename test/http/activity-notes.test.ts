import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeExport } from "../../server/domain/compliance/customer-data-export.js";
import { describeRedaction } from "../../server/domain/compliance/redact-customer.js";
import { describeShopRedaction } from "../../server/domain/compliance/redact-shop.js";
import { activityNotes, localiseError, localiseOutcome } from "../../server/http/localise-activity-note.js";
import { createTranslator } from "../../server/http/message-catalogue.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

// Where webhook outcomes and job errors are written: the handlers, the worker, and the domain functions whose
// returned notes they join (a new note-writing file belongs here).
const noteSources = [
  ...readdirSync(join(root, "server/jobs/handlers")).map((name) => `server/jobs/handlers/${name}`),
  "server/jobs/process-webhook-job.ts",
  "server/jobs/issue-coupon-job.ts",
  "server/domain/loyalty/settle-order-points.ts",
  "server/domain/loyalty/customer-rewards-service.ts",
  "server/domain/loyalty/earn-order-points.ts",
  "server/domain/loyalty/order-points-service.ts",
  "server/domain/loyalty/referral-service.ts",
  "server/domain/coupons/order-qualifies-for-coupon.ts",
  "server/domain/compliance/compliance-service.ts",
  "server/domain/emails/order-emails.ts",
  "server/domain/emails/shipping-milestones.ts",
];

// Literals in a note's place: returned, pushed, thrown, an outcome/reason/summary/note, or a branch of a ternary.
const notePlace =
  /(?:\breturn|\boutcome:|\breason:|\bsummary:|\bnote:|\.push\(|Error\(|\bsuper\(|\?|["`]\s*:)\s*(["`])((?:\\.|\$\{[^}]*\}|(?!\1)[^\\])*)\1/g;
// In those places but not notes: one-word states and keys ("void", "order:${id}:earn"), and ledger reasons, which are
// capitalised sentences ("Order #1001: 30 points on …") the customer's history shows. Shopify's own errors and the
// compliance summaries (built from counts) are checked elsewhere below.
const isNote = (literal: string) => / /.test(literal) && !/^[A-Z]/.test(literal);

const sample = (literal: string) => {
  let n = 0;
  return literal.replace(/\$\{[^}]*\}/g, () => `X${++n}`);
};

function noteLiterals(): { file: string; literal: string }[] {
  const found: { file: string; literal: string }[] = [];
  for (const file of noteSources) {
    const source = readFileSync(join(root, file), "utf8").replace(/^\s*(?:\/\/|\*|\/\*\*).*$/gm, "");
    for (const match of source.matchAll(notePlace)) {
      const literal = match[2] ?? "";
      found.push({ file, literal });
      // A ternary inside a placeholder ("queued" : "already queued") writes its strings into the note too.
      for (const inner of literal.matchAll(/\$\{[^}]*\}/g)) {
        for (const quoted of inner[0].matchAll(/"([^"]+)"/g)) found.push({ file, literal: quoted[1] ?? "" });
      }
    }
  }
  return found.filter(({ literal }) => isNote(literal));
}

const translate = createTranslator(activityNotes);

/** Each "; "-joined part that is more than a placeholder, which the catalogue does not translate. */
function untranslatedParts(note: string, language: "id" | "fil"): string[] {
  return note
    .split("; ")
    .filter((part) => !/^X\d+$/.test(part) && part.trim() !== "")
    .filter((part) => translate(part, language) === null);
}

describe("webhook outcomes and job errors in the admin's languages (server/http/locales/activity-notes.json)", () => {
  test("every note the handlers, the worker and their domain functions write has Indonesian and Filipino", () => {
    const literals = noteLiterals();
    // The scan does see the notes: a few known ones, so a broken regex cannot pass by finding nothing.
    expect(literals.map(({ literal }) => literal)).toEqual(
      expect.arrayContaining([
        "shop has uninstalled Afterglow",
        "only first orders earn a coupon",
        "not delivered yet",
      ]),
    );
    const missing = literals.flatMap(({ file, literal }) =>
      (["id", "fil"] as const).flatMap((language) =>
        untranslatedParts(sample(literal), language).map((part) => `${file} (${language}): ${part}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  test("the compliance summaries, built from counts, translate part by part", () => {
    const summaries = [
      describeRedaction({
        customers: 1,
        addresses: 2,
        emails: 3,
        emailOrders: 4,
        consents: 5,
        surveyComments: 6,
        ledgerReasons: 7,
        webhookBodies: 8,
        exports: 9,
      }),
      describeShopRedaction({
        customers: 1,
        orders: 2,
        ledgerEntries: 3,
        webhooks: 4,
        sessions: 5,
        complianceRecords: 6,
      }),
      `customer data gathered: ${describeExport({ tables: { customer: [{}], ledger_entry: [{}, {}] } } as never)}`,
      `customer data gathered: ${describeExport({ tables: {} } as never)}`,
    ];
    for (const language of ["id", "fil"] as const) {
      expect(summaries.flatMap((summary) => untranslatedParts(summary, language))).toEqual([]);
    }
  });

  test("each translation keeps its placeholders", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [english, translations] of Object.entries(activityNotes)) {
      for (const language of ["id", "fil"] as const) {
        expect([english, names(translations[language])]).toEqual([english, names(english)]);
      }
    }
  });

  test("an order's outcome reads in Indonesian and Filipino, its date and numbers written the local way", () => {
    const note =
      "1250 points pending until 2026-12-25T03:00:00.000Z; tier none → Bronze; coupon THANKS-AB12 pending; " +
      "order_received email already queued (sent)";
    expect(localiseOutcome(note, "id", "Asia/Jakarta")).toBe(
      "1.250 poin tertunda hingga 25 Des 2026, 10.00; tingkat tidak ada → Bronze; kupon THANKS-AB12 tertunda; " +
        "email “pesanan diterima” sudah di antrean (terkirim)",
    );
    expect(localiseOutcome(note, "fil", "Asia/Manila")).toBe(
      "1,250 puntos na nakabinbin hanggang Dis 25, 2026, 11:00 AM; tier wala → Bronze; kupon THANKS-AB12: nakabinbin; " +
        "email na “natanggap ang order”: nakapila na (naipadala na)",
    );
    // English keeps its words; its date reads as a date in the shop's zone as well.
    expect(localiseOutcome(note, "en", "Asia/Jakarta")).toContain("pending until Dec 25, 2026, 10:00 AM");
  });

  test("an error from Shopify or a library stays verbatim, marked as such; the worker's own is translated", () => {
    const shopify = "title: Title has already been taken; code: Code must be unique";
    expect(localiseError(shopify, "id")).toBe(`Pesan teknis, apa adanya (bahasa Inggris): “${shopify}”`);
    expect(localiseError(shopify, "fil")).toBe(`Teknikal na mensahe, gaya ng natanggap (Ingles): “${shopify}”`);
    expect(localiseError(shopify, "en")).toBe(shopify);
    expect(localiseError("order payload invalid: Invalid input: expected number", "id")).toBe(
      "data pesanan tidak valid; pesan teknis (bahasa Inggris): “Invalid input: expected number”",
    );
  });
});
