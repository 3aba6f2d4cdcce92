import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const read = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8"));

/** { "a.b": "text" } from nested catalogues. */
function flatten(node: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

// Strings that are rightly the same as in English: the brand, format names (HTML), placeholders only, and words
// these languages borrowed unchanged.
const sameAsEnglish: Record<string, string[]> = {
  id: [
    "activity.columns.status",
    "activity.webhook",
    "coupons.list.columns.status",
    "customers.columns.email",
    "emails.editor.html",
    "emails.editor.title",
    "home.title",
  ],
  fil: [
    "activity.webhook",
    "coupons.list.columns.code",
    "coupons.list.columns.customer",
    "customers.columns.email",
    "customers.customer",
    "customers.ledger.causes.milestone",
    "customers.ledger.causes.order",
    "customers.ledger.causes.referral",
    "customers.ledger.causes.refund",
    "customers.ledger.columns.order",
    "emails.editor.html",
    "emails.editor.title",
    "emails.templates.default",
    "emails.templates.template",
    "home.title",
    "languages.names.fil",
    "languages.short.fil",
  ],
};
const polarisSameAsEnglish: Record<string, string[]> = {
  id: [
    "Polaris.Badge.TONE_LABELS.info",
    "Polaris.Badge.progressAndTone",
    "Polaris.Filters.filter",
    "Polaris.IndexProvider.defaultItemSingular",
  ],
  fil: ["Polaris.Badge.progressAndTone", "Polaris.Common.checkbox", "Polaris.IndexProvider.defaultItemSingular"],
};

describe("the admin's catalogues (web/src/locales)", () => {
  const english = flatten(read("web/src/locales/en.json"));

  test.each(["id", "fil"])(
    "%s has every English key, no other, each translated with the same placeholders",
    (language) => {
      const catalogue = flatten(read(`web/src/locales/${language}.json`));
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      const untranslated = Object.keys(english).filter((key) => catalogue[key] === english[key]);
      expect(untranslated.sort()).toEqual(sameAsEnglish[language]);
      for (const [key, text] of Object.entries(english)) {
        expect([key, placeholders(catalogue[key] ?? "")]).toEqual([key, placeholders(text)]);
      }
    },
  );

  test.each(["id", "fil"])("%s translates Polaris' strings for the components the admin uses", (language) => {
    const polarisEnglish = flatten(read("node_modules/@shopify/polaris/locales/en.json"));
    const ours = flatten(read(`web/src/locales/polaris/${language}.json`));
    // Every key exists in Polaris, and every component we translate is translated whole.
    expect(Object.keys(ours).filter((key) => !(key in polarisEnglish))).toEqual([]);
    const components = new Set(Object.keys(ours).map((key) => key.split(".")[1]));
    const missing = Object.keys(polarisEnglish).filter((key) => components.has(key.split(".")[1]) && !(key in ours));
    expect(missing).toEqual([]);
    const untranslated = Object.keys(ours).filter((key) => ours[key] === polarisEnglish[key]);
    expect(untranslated.sort()).toEqual(polarisSameAsEnglish[language]);
    for (const [key, text] of Object.entries(ours)) {
      expect([key, placeholders(text)]).toEqual([key, placeholders(polarisEnglish[key] ?? "")]);
    }
  });
});
