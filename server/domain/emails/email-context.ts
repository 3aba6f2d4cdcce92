// What a template sees: the row's data plus the shop's brand, with dates and money already written in the language.
import { z } from "zod";
import type { EmailSettings } from "./email-settings.js";

/** The known parts of an email's data; anything else in the data reaches the template unchanged. */
const itemSchema = z.looseObject({ title: z.string(), quantity: z.number(), price: z.string().optional() });
const orderSchema = z.looseObject({
  name: z.string().nullish(),
  currency: z.string().nullish(),
  totalPrice: z.string().nullish(),
  items: z.array(itemSchema).default([]),
});
const windowSchema = z.looseObject({ earliest: z.string(), latest: z.string() });
const couponSchema = z.looseObject({
  kind: z.string(),
  value: z.string(),
  currencyCode: z.string(),
  minimumSubtotal: z.string().nullish(),
  endsAt: z.string(),
});
const dataSchema = z.looseObject({
  order: orderSchema.nullish(),
  window: windowSchema.nullish(),
  coupon: couponSchema.nullish(),
});

export interface ShopBrand {
  name: string;
  email: string | null;
  ianaTimezone: string | null;
}

const footers: Record<string, (shop: string) => string> = {
  en: (shop) => `You are receiving this email because you ordered from ${shop}.`,
  id: (shop) => `Anda menerima email ini karena berbelanja di ${shop}.`,
  fil: (shop) => `Natanggap mo ang email na ito dahil umorder ka sa ${shop}.`,
};

// Promotional mail only (the send step passes unsubscribeUrl then): every such email carries the link in its body.
const unsubscribeLabels: Record<string, string> = {
  en: "Unsubscribe from these emails",
  id: "Berhenti berlangganan email ini",
  fil: "Mag-unsubscribe sa mga email na ito",
};

function money(language: string, amount: string | null | undefined, currency: string | null | undefined) {
  if (amount == null) return null;
  if (!currency) return amount;
  return new Intl.NumberFormat(language, { style: "currency", currency }).format(Number(amount));
}

/** "YYYY-MM-DD" is a calendar day already in the shop's zone: formatted as UTC so it never shifts. */
function day(language: string, date: string, timeZone = "UTC"): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(date);
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(date) ? "UTC" : timeZone;
  return new Intl.DateTimeFormat(language, { weekday: "short", day: "numeric", month: "short", timeZone: zone }).format(
    at,
  );
}

export function buildEmailContext(
  data: unknown,
  shop: ShopBrand,
  settings: Pick<EmailSettings, "logoUrl" | "accentColor" | "senderName">,
  language: string,
): Record<string, unknown> {
  const raw = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const parsed = dataSchema.safeParse(raw);
  const known = parsed.success ? parsed.data : {};
  const context: Record<string, unknown> = { ...raw, language };
  const shopName = settings.senderName ?? shop.name;
  context.shop = { name: shopName, email: shop.email, logoUrl: settings.logoUrl, accentColor: settings.accentColor };
  context.footer = (footers[language] ?? footers.en)?.(shopName);
  if (typeof raw.unsubscribeUrl === "string") {
    context.unsubscribe = { url: raw.unsubscribeUrl, label: unsubscribeLabels[language] ?? unsubscribeLabels.en };
  }
  if (known.order) {
    const currency = known.order.currency;
    context.order = {
      ...known.order,
      totalLabel: money(language, known.order.totalPrice, currency),
      items: known.order.items.map((item) => ({ ...item, priceLabel: money(language, item.price, currency) })),
    };
  }
  if (known.window) {
    const earliest = day(language, known.window.earliest);
    const latest = day(language, known.window.latest);
    context.window = {
      ...known.window,
      earliestLabel: earliest,
      latestLabel: latest,
      label: earliest === latest ? earliest : `${earliest} – ${latest}`,
    };
  }
  if (known.coupon) {
    const coupon = known.coupon;
    context.coupon = {
      ...coupon,
      valueLabel:
        coupon.kind === "percentage" ? `${Number(coupon.value)}%` : money(language, coupon.value, coupon.currencyCode),
      minimumLabel: money(language, coupon.minimumSubtotal, coupon.currencyCode),
      endsAtLabel: day(language, coupon.endsAt, shop.ianaTimezone ?? "UTC"),
    };
  }
  return context;
}
