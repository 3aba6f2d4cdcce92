// Picks an extension's locale file for a buyer's locale as Shopify does: exact, then language, then the default.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export type LocaleMessages = { [key: string]: string | LocaleMessages };

export interface ExtensionLocale {
  /** The locale Intl formats in: the buyer's when Intl knows it, else the default file's. */
  locale: string;
  messages: LocaleMessages;
  /** The default locale's messages, for keys the buyer's file lacks. */
  fallbackMessages: LocaleMessages;
}

function canonical(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

async function readMessages(dir: string, file: string): Promise<LocaleMessages> {
  return JSON.parse(await readFile(join(dir, file), "utf8")) as LocaleMessages;
}

export async function loadExtensionLocale(localesDir: string, buyerLocale: string): Promise<ExtensionLocale> {
  const files = (await readdir(localesDir)).filter((file) => file.endsWith(".json"));
  const defaultFile = files.find((file) => file.endsWith(".default.json"));
  if (!defaultFile) throw new Error(`${localesDir} has no <locale>.default.json`);
  const defaultLocale = defaultFile.slice(0, -".default.json".length);
  const locale = canonical(buyerLocale);
  const language = locale?.split("-")[0];
  const wanted = [locale, language].filter((name): name is string => Boolean(name)).map((name) => name.toLowerCase());
  const fileOf = (name: string): string | undefined =>
    files.find((file) => file.toLowerCase() === `${name}.json` || file.toLowerCase() === `${name}.default.json`);
  const chosen = wanted.map(fileOf).find((file): file is string => file !== undefined) ?? defaultFile;
  const fallbackMessages = await readMessages(localesDir, defaultFile);
  return {
    locale: locale ?? defaultLocale,
    messages: chosen === defaultFile ? fallbackMessages : await readMessages(localesDir, chosen),
    fallbackMessages,
  };
}
