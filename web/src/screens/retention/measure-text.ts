// A measure's number and its parts as a merchant reads them, in the admin's language and the shop's currency.
import type { Measure } from "../../api/analytics-types";
import { formatMoney, formatNumber } from "../../components/format";
import type { Translate } from "../../i18n/admin-language";

export interface TextContext {
  t: Translate;
  locale: string;
  currencyCode: string;
}

const num = (value: unknown, locale: string) => (typeof value === "number" ? formatNumber(value, locale) : "—");
const money = (value: unknown, context: TextContext) =>
  typeof value === "string" || typeof value === "number"
    ? formatMoney(String(value), context.currencyCode, context.locale)
    : "—";

export function percentText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** The big number: a percent, money, a ratio or a count; null when the measure has no value. */
export function valueText(measure: Pick<Measure, "value" | "unit">, context: TextContext): string | null {
  const { value, unit } = measure;
  if (value === null) return null;
  switch (unit) {
    case "percent":
      return percentText(Number(value), context.locale);
    case "money":
      return money(value, context);
    default:
      return num(Number(value), context.locale);
  }
}

/** What a plain number counts, said after it ("orders per customer"); percents and money say it themselves. */
export function unitText(unit: string, t: Translate): string | null {
  if (unit === "points") return t("retention.units.points");
  if (unit === "orders per customer") return t("retention.units.ordersPerCustomer");
  return null;
}

/** Why there is no number, in the admin's language (the server's reason is English). */
export function reasonText(measure: Measure, t: Translate): string {
  if (measure.reason?.includes("retention")) return t("retention.noChurn");
  return t("retention.notEnoughDataBody");
}

/** The counts behind the number, so a merchant can check it by hand. */
export function detailText(measure: Measure, context: TextContext): string | null {
  const p = measure.parts;
  const { t, locale } = context;
  const n = (key: string) => num(p[key], locale);
  const key = `retention.details.${measure.measure}`;
  switch (measure.measure) {
    case "customer-retention-rate":
      return t(key, { start: n("customersAtStart"), end: n("customersAtEnd"), new: n("newCustomers") });
    case "repeat-purchase-rate":
      return t(key, { repeat: n("repeatOrders"), orders: n("customerOrders") });
    case "returning-customer-rate":
      return t(key, { returning: n("returningCustomers"), customers: n("customersOrdering") });
    case "purchase-frequency":
      return t(key, { orders: n("customerOrders"), customers: n("customersOrdering") });
    case "average-order-value":
      return t(key, { orders: n("orders"), revenue: money(p.netRevenue, context) });
    case "customer-lifetime-value":
      return typeof p.lifespanPeriods === "number" ? t(key, { lifespan: n("lifespanPeriods") }) : null;
    case "nps":
      return t(key, {
        responses: n("responses"),
        promoters: n("promoters"),
        passives: n("passives"),
        detractors: n("detractors"),
      });
    case "coupon-redemption-rate":
      return t(key, { redeemed: n("redeemed"), issued: n("issued") });
    case "coupon-revenue":
      return t(key, { count: n("redemptions") });
    case "points-outstanding":
      return t(key, { customers: n("customersWithPoints"), pending: n("pendingPoints") });
    case "points-liability":
      return t(key, { rate: n("pointsPerCurrencyUnit"), pending: money(p.pendingValue, context) });
    case "top-customer-revenue-share":
      return t(key, {
        top: n("topCustomers"),
        customers: n("customers"),
        topRevenue: money(p.topRevenue, context),
        total: money(p.totalRevenue, context),
      });
    default:
      return null;
  }
}

/** "2026-10" as "Oct 2026" in the admin's language. */
export function monthLabel(month: string, locale: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1)),
  );
}
