// Translates English text through a catalogue keyed by the English (exact, or a pattern with {placeholders}).
export type CatalogueLanguage = "en" | "id" | "fil";
export type Translations = Record<Exclude<CatalogueLanguage, "en">, string>;
export type Catalogue = Record<string, Translations>;

interface Pattern {
  regex: RegExp;
  names: string[];
  translations: Translations;
  /** Length of the text around the placeholders. */
  literal: number;
}

/** How a placeholder's matched value is put into the translation; by default it is translated in turn. */
export type PlaceholderValue = (name: string, value: string, language: CatalogueLanguage) => string | undefined;

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** Messages with {placeholders} match as patterns, the longest literal text first (the most specific wins). */
function compilePatterns(catalogue: Catalogue): Pattern[] {
  return Object.entries(catalogue)
    .filter(([english]) => /\{\w+\}/.test(english))
    .map(([english, translations]) => ({
      regex: new RegExp(
        `^${english
          .split(/\{\w+\}/)
          .map(escape)
          .join("(.+?)")}$`,
        "s",
      ),
      names: [...english.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ""),
      translations,
      literal: english.replace(/\{\w+\}/g, "").length,
    }))
    .sort((a, b) => b.literal - a.literal);
}

/** A translator over the catalogue: null when nothing in it matches the message. */
export function createTranslator(catalogue: Catalogue, placeholderValue?: PlaceholderValue) {
  const patterns = compilePatterns(catalogue);
  function translate(message: string, language: Exclude<CatalogueLanguage, "en">, depth = 0): string | null {
    const exact = catalogue[message];
    if (exact) return exact[language];
    if (depth > 2) return null;
    for (const pattern of patterns) {
      const match = pattern.regex.exec(message);
      if (!match) continue;
      const values = Object.fromEntries(pattern.names.map((name, i) => [name, match[i + 1] ?? ""]));
      return pattern.translations[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return placeholderValue?.(name, value, language) ?? translate(value, language, depth + 1) ?? value;
      });
    }
    return null;
  }
  return translate;
}
