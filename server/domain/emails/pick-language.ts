// Chooses the email language: the customer's locale if we write in it, else the shop's primary language, else English.
import { isEmailLanguage, type EmailLanguage } from "./email-kinds.js";

/** Tagalog ("tl") is what many systems call Filipino; Shopify locales look like "id", "id-ID", "fil-PH", "en-US". */
function languageOf(locale: string | null | undefined): EmailLanguage | null {
  if (!locale) return null;
  const base = locale.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (base === "tl") return "fil";
  if (base === "in") return "id";
  return isEmailLanguage(base) ? base : null;
}

export function pickLanguage(customerLocale: string | null | undefined, shopLanguage: string | null | undefined) {
  return languageOf(customerLocale) ?? languageOf(shopLanguage) ?? "en";
}
