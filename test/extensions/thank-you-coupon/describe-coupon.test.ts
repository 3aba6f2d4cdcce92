import { readFileSync } from "node:fs";
import { describeCoupon, type CouponI18n } from "../../../extensions/thank-you-coupon/src/describe-coupon.js";
import type { CouponView } from "../../../extensions/thank-you-coupon/src/coupon-view-state.js";

type Messages = { [key: string]: string | Messages };

function loadLocale(file: string): Messages {
  const url = new URL(`../../../extensions/thank-you-coupon/locales/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Messages;
}

/** What shopify.i18n does, close enough: dotted keys, {{name}} replacements, Intl formatting in one locale. */
function i18nFor(locale: string, messages: Messages): CouponI18n {
  return {
    translate(key, replacements = {}) {
      const found = key
        .split(".")
        .reduce<string | Messages | undefined>(
          (node, part) => (typeof node === "object" ? node[part] : undefined),
          messages,
        );
      if (typeof found !== "string") throw new Error(`missing translation ${key}`);
      return found.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(replacements[name]));
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatCurrency: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatDate: (date, options) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(date),
  };
}

const percentage: CouponView = {
  code: "GLOW-7K3MXQ2PR9",
  value: { kind: "percentage", fraction: 0.1 },
  minimum: { amount: 50, currencyCode: "USD" },
  endsAt: new Date("2026-12-25T12:00:00Z"),
};

describe("describeCoupon", () => {
  const en = i18nFor("en-US", loadLocale("en.default.json"));

  it("writes a percentage coupon with its minimum and expiry in English", () => {
    expect(describeCoupon(percentage, en)).toEqual({
      heading: "A thank-you from us",
      intro: "Here is a coupon for your next order.",
      codeLabel: "Your code:",
      code: "GLOW-7K3MXQ2PR9",
      copy: "Copy code",
      copied: "Code copied",
      value: "10% off your next order",
      minimum: "On orders of $50.00 or more",
      expiry: "Valid until December 25, 2026",
    });
  });

  it("writes fixed amounts as money and free shipping as words, leaving out absent terms", () => {
    const fixed = describeCoupon(
      { ...percentage, value: { kind: "fixed_amount", amount: 5, currencyCode: "USD" }, minimum: null, endsAt: null },
      en,
    );
    expect(fixed.value).toBe("$5.00 off your next order");
    expect(fixed.minimum).toBeNull();
    expect(fixed.expiry).toBeNull();
    expect(describeCoupon({ ...percentage, value: { kind: "free_shipping" } }, en).value).toBe(
      "Free shipping on your next order",
    );
  });

  it("writes Indonesian and Filipino with their own number and date formats", () => {
    const id = describeCoupon(percentage, i18nFor("id-ID", loadLocale("id.json")));
    expect(id.value).toBe("Diskon 10% untuk pesanan Anda berikutnya");
    // ICU versions differ on the space after "US$"; the comma is what Indonesian needs.
    expect(id.minimum).toMatch(/^Berlaku untuk pesanan minimal US\$\s?50,00$/);
    expect(id.expiry).toBe("Berlaku hingga 25 Desember 2026");
    const fil = describeCoupon(percentage, i18nFor("fil-PH", loadLocale("fil.json")));
    expect(fil.value).toBe("10% na diskwento sa susunod mong order");
    expect(fil.expiry).toBe("May bisa hanggang Disyembre 25, 2026");
  });
});
