// The admin's language (en, id, fil): Polaris' own strings plus the app's catalogue, and t() to read it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { AppProvider } from "@shopify/polaris";
import { setApiLanguage } from "../api/api-fetch";
import { RouterLink } from "../components/router-link";
import { loadCatalogues, type Catalogues } from "./load-catalogues";

export const adminLanguages = ["en", "id", "fil"] as const;
export type AdminLanguage = (typeof adminLanguages)[number];

const storageKey = "afterglow.adminLanguage";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface AdminLanguageValue {
  language: AdminLanguage;
  setLanguage: (language: AdminLanguage) => void;
  t: Translate;
  /** A BCP 47 tag for Intl (dates, numbers, money). */
  locale: string;
}

const AdminLanguageContext = createContext<AdminLanguageValue | null>(null);

function isAdminLanguage(value: string | null | undefined): value is AdminLanguage {
  return (adminLanguages as readonly string[]).includes(value ?? "");
}

/** A choice made on the Languages screen wins; otherwise the staff member's Shopify admin locale, else English. */
export function initialAdminLanguage(): AdminLanguage {
  const stored = window.localStorage.getItem(storageKey);
  if (isAdminLanguage(stored)) return stored;
  const adminLocale = new URLSearchParams(window.location.search).get("locale") ?? shopify?.config?.locale ?? "en";
  const base = adminLocale.split("-")[0]?.toLowerCase();
  // Shopify calls Filipino "fil" and older systems "tl".
  if (base === "tl") return "fil";
  return isAdminLanguage(base) ? base : "en";
}

function lookup(messages: unknown, key: string): string | undefined {
  let node = messages;
  for (const part of key.split(".")) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === "string" ? node : undefined;
}

function makeTranslate(catalogues: Catalogues): Translate {
  return (key, values = {}) => {
    const message = lookup(catalogues.app, key) ?? lookup(catalogues.fallbackApp, key) ?? key;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

export function AdminLanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<AdminLanguage>(initialAdminLanguage);
  const [catalogues, setCatalogues] = useState<Catalogues>();
  // Before any screen's first request: the server answers in the language the admin shows.
  setApiLanguage(language);
  useEffect(() => {
    let current = true;
    void loadCatalogues(language).then((loaded) => {
      if (current) setCatalogues(loaded);
    });
    document.documentElement.lang = language;
    return () => {
      current = false;
    };
  }, [language]);
  const setLanguage = useCallback((next: AdminLanguage) => {
    window.localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<AdminLanguageValue | null>(
    () =>
      catalogues
        ? { language, setLanguage, t: makeTranslate(catalogues), locale: language === "fil" ? "fil-PH" : language }
        : null,
    [catalogues, language, setLanguage],
  );
  // Polaris cannot render before its translations: the page stays blank for the few ms the catalogues take.
  if (!value || !catalogues) return null;
  return (
    <AdminLanguageContext.Provider value={value}>
      <AppProvider i18n={catalogues.polaris} linkComponent={RouterLink}>
        {children}
      </AppProvider>
    </AdminLanguageContext.Provider>
  );
}

export function useAdminLanguage(): AdminLanguageValue {
  const value = useContext(AdminLanguageContext);
  if (!value) throw new Error("useAdminLanguage outside AdminLanguageProvider");
  return value;
}

export function useT(): Translate {
  return useAdminLanguage().t;
}
