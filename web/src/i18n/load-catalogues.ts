// Loads one language's catalogues on demand (each its own chunk): the app's strings and Polaris' translations.
import type { AppProviderProps } from "@shopify/polaris";
import type { AdminLanguage } from "./admin-language";

type PolarisTranslations = AppProviderProps["i18n"];
type PolarisDictionary = Exclude<PolarisTranslations, unknown[]>;

export interface Catalogues {
  app: unknown;
  /** English, for a key a catalogue lacks (a test keeps them complete, so this is a safety net). */
  fallbackApp: unknown;
  /** Polaris has no Indonesian or Filipino: ours come first, English fills anything Polaris adds later. */
  polaris: PolarisTranslations;
}

const appCatalogues: Record<AdminLanguage, () => Promise<{ default: unknown }>> = {
  en: () => import("../locales/en.json"),
  id: () => import("../locales/id.json"),
  fil: () => import("../locales/fil.json"),
};

const polarisCatalogues: Record<Exclude<AdminLanguage, "en">, () => Promise<{ default: unknown }>> = {
  id: () => import("../locales/polaris/id.json"),
  fil: () => import("../locales/polaris/fil.json"),
};

export async function loadCatalogues(language: AdminLanguage): Promise<Catalogues> {
  const [app, fallbackApp, polarisEnglish, polarisOwn] = await Promise.all([
    appCatalogues[language](),
    language === "en" ? null : appCatalogues.en(),
    import("@shopify/polaris/locales/en.json"),
    language === "en" ? null : polarisCatalogues[language](),
  ]);
  const english = polarisEnglish.default as PolarisDictionary;
  return {
    app: app.default,
    fallbackApp: fallbackApp?.default ?? app.default,
    polaris: polarisOwn ? [polarisOwn.default as PolarisDictionary, english] : english,
  };
}
