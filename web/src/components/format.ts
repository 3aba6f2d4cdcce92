// Dates and money in the admin's language (Intl), in the shop's currency and time zone.

export function formatDateTime(iso: string | null, locale: string, timeZone?: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZone ?? undefined,
  }).format(new Date(iso));
}

export function formatMoney(amount: string, currencyCode: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(Number(amount));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
