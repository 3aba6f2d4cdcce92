// The languages shoppers read Afterglow in, and how a Shopify locale maps onto them.
export const emailLanguages = ["en", "id", "fil"] as const;
export type EmailLanguage = (typeof emailLanguages)[number];

/** Shopify locales ("en-US", "id", "fil", "tl-PH") to the languages Afterglow writes in; anything else is English. */
export function emailLanguageOf(locale: string | null | undefined): EmailLanguage {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  if (base === "id" || base === "in") return "id";
  if (base === "fil" || base === "tl") return "fil";
  return "en";
}
