// Turns a ready coupon into the shopper's sentences, in their language, through the i18n Shopify provides.
import type { CouponValue, CouponView } from "./coupon-view-state.js";

/** The part of `shopify.i18n` the coupon needs; structural so tests can pass a plain Intl-backed stand-in. */
export interface CouponI18n {
  translate(key: string, replacements?: Record<string, string | number>): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatCurrency(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
}

export interface CouponText {
  heading: string;
  intro: string;
  codeLabel: string;
  code: string;
  copy: string;
  copied: string;
  value: string;
  minimum: string | null;
  expiry: string | null;
}

export function describeCoupon(view: CouponView, i18n: CouponI18n): CouponText {
  const money = (amount: number, currency: string): string =>
    i18n.formatCurrency(amount, { style: "currency", currency });
  return {
    heading: i18n.translate("heading"),
    intro: i18n.translate("intro"),
    codeLabel: i18n.translate("codeLabel"),
    code: view.code,
    copy: i18n.translate("copy"),
    copied: i18n.translate("copied"),
    value: describeValue(view.value, i18n, money),
    minimum: view.minimum
      ? i18n.translate("minimum", { amount: money(view.minimum.amount, view.minimum.currencyCode) })
      : null,
    // The date alone, in the buyer's calendar: the time of day would suggest a precision no one needs.
    expiry: view.endsAt
      ? i18n.translate("expiry", { date: i18n.formatDate(view.endsAt, { dateStyle: "long" }) })
      : null,
  };
}

function describeValue(
  value: CouponValue,
  i18n: CouponI18n,
  money: (amount: number, currency: string) => string,
): string {
  switch (value.kind) {
    case "percentage":
      // Intl places the percent sign (and its spacing) the way the buyer's language does.
      return i18n.translate("value.percentage", {
        percent: i18n.formatNumber(value.fraction, { style: "percent", maximumFractionDigits: 2 }),
      });
    case "fixed_amount":
      return i18n.translate("value.fixedAmount", { amount: money(value.amount, value.currencyCode) });
    case "free_shipping":
      return i18n.translate("value.freeShipping");
  }
}
