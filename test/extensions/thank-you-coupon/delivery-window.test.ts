import { readFileSync } from "node:fs";
import type { CouponFetchResult } from "../../../extensions/thank-you-coupon/src/coupon-view-state.js";
import type { CouponI18n } from "../../../extensions/thank-you-coupon/src/describe-coupon.js";
import { describeDelivery } from "../../../extensions/thank-you-coupon/src/describe-delivery.js";
import { nextDeliveryWindow, readDeliveryWindow } from "../../../extensions/thank-you-coupon/src/delivery-window.js";

type Messages = { [key: string]: string | Messages };

const ok = (body: unknown): CouponFetchResult => ({ kind: "response", status: 200, body });
const window = { earliest: "2026-12-03", latest: "2026-12-07" };

function loadLocale(file: string): Messages {
  const url = new URL(`../../../extensions/thank-you-coupon/locales/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Messages;
}

/** shopify.i18n, close enough; formatDate in the buyer's own zone unless the caller names one. */
function i18nFor(locale: string, messages: Messages, buyerZone: string): CouponI18n {
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
    formatDate: (date, options) => new Intl.DateTimeFormat(locale, { timeZone: buyerZone, ...options }).format(date),
  };
}

describe("reading the delivery window from the backend's answer", () => {
  it.each([
    ["with a ready coupon", { status: "ready", coupon: {}, delivery: window }],
    ["with no coupon", { status: "none", delivery: window }],
    ["while the coupon is pending", { status: "pending", delivery: window }],
  ])("takes the window %s", (_name, body) => {
    expect(readDeliveryWindow(ok(body))).toEqual(window);
  });

  it.each<[string, CouponFetchResult]>([
    ["no window yet", ok({ status: "pending", delivery: null })],
    ["an older backend without the field", ok({ status: "none" })],
    ["a non-200 answer", { kind: "response", status: 500, body: { delivery: window } }],
    ["a network error", { kind: "network-error" }],
    ["a body that is not an object", ok("delivery")],
    ["a window that is not an object", ok({ delivery: "soon" })],
    ["a date with a time", ok({ delivery: { ...window, earliest: "2026-12-03T00:00:00Z" } })],
    ["a date that does not exist", ok({ delivery: { ...window, latest: "2026-02-30" } })],
    ["a missing date", ok({ delivery: { earliest: "2026-12-03" } })],
    ["a window that ends before it starts", ok({ delivery: { earliest: "2026-12-07", latest: "2026-12-03" } })],
  ])("shows nothing for %s", (_name, result) => {
    expect(readDeliveryWindow(result)).toBeNull();
  });

  it("keeps the last good window when a later answer has none, and takes a newer one", () => {
    let shown = nextDeliveryWindow(null, ok({ status: "pending", delivery: null }));
    expect(shown).toBeNull();
    shown = nextDeliveryWindow(shown, ok({ status: "pending", delivery: window }));
    expect(shown).toEqual(window);
    shown = nextDeliveryWindow(shown, { kind: "network-error" });
    expect(shown).toEqual(window);
    shown = nextDeliveryWindow(
      shown,
      ok({ status: "ready", delivery: { earliest: "2026-12-04", latest: "2026-12-08" } }),
    );
    expect(shown).toEqual({ earliest: "2026-12-04", latest: "2026-12-08" });
  });
});

describe("describeDelivery", () => {
  it.each([
    ["en-GB", "en.default.json", "Arrives between Thu 3 Dec and Mon 7 Dec"],
    ["en-US", "en.default.json", "Arrives between Thu, Dec 3 and Mon, Dec 7"],
    ["id", "id.json", "Tiba antara Kam, 3 Des dan Sen, 7 Des"],
    ["fil", "fil.json", "Darating sa pagitan ng Huw, Dis 3 at Lun, Dis 7"],
  ])("%s: %s", (locale, file, expected) => {
    expect(describeDelivery(window, i18nFor(locale, loadLocale(file), "UTC"))).toBe(expected);
  });

  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Manila", "America/New_York"])(
    "a buyer in %s sees the shop's calendar dates, not a day earlier or later",
    (zone) => {
      expect(describeDelivery(window, i18nFor("en-GB", loadLocale("en.default.json"), zone))).toBe(
        "Arrives between Thu 3 Dec and Mon 7 Dec",
      );
    },
  );

  it("a window of one day names that day once", () => {
    const oneDay = { earliest: "2026-12-03", latest: "2026-12-03" };
    expect(describeDelivery(oneDay, i18nFor("en-GB", loadLocale("en.default.json"), "UTC"))).toBe(
      "Arrives on Thu 3 Dec",
    );
    expect(describeDelivery(oneDay, i18nFor("id", loadLocale("id.json"), "UTC"))).toBe("Tiba pada Kam, 3 Des");
  });
});
