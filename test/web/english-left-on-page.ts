// Finds English left on a page shown in another language: any English catalogue string (the app's, Polaris' or the
// server's messages and webhook outcomes) whose translation differs, appearing in the page's text.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const read = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8"));

function flatten(node: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** The literal pieces of a message around its {placeholders}; short pieces say nothing about the language. */
function pieces(message: string): string[] {
  return message
    .split(/\{\w+\}/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 4);
}

/** The piece as whole words: "item" is not English inside Indonesian "ditemukan". */
function containsWords(text: string, piece: string): boolean {
  const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, "u").test(text);
}

/** The server's messages or webhook outcomes (English text as key) as a pair of catalogues, like the admin's. */
function serverMessagePair(
  language: "id" | "fil",
  path = "server/http/locales/server-messages.json",
): [Record<string, string>, Record<string, string>] {
  const messages = read(path) as Record<string, Record<string, string>>;
  const english = Object.fromEntries(Object.keys(messages).map((text) => [text, text]));
  const translated = Object.fromEntries(Object.entries(messages).map(([text, t]) => [text, t[language] ?? text]));
  return [english, translated];
}

type Pair = [Record<string, string>, Record<string, string>, { phrasesOnly?: boolean }?];

export function englishLeftOnPage(text: string, language: "id" | "fil"): string[] {
  const pairs: Pair[] = [
    [flatten(read("web/src/locales/en.json")), flatten(read(`web/src/locales/${language}.json`))],
    [
      flatten(read("node_modules/@shopify/polaris/locales/en.json")),
      flatten(read(`web/src/locales/polaris/${language}.json`)),
    ],
    serverMessagePair(language),
    // Webhook outcomes by their phrases only: their one-word parts ("order", "pending", "tier") are also Liquid
    // variables on the Emails screen and words Filipino borrows.
    [...serverMessagePair(language, "server/http/locales/activity-notes.json"), { phrasesOnly: true }],
  ];
  // Shopify's webhook topics ("customers/create") are API names, shown as Shopify writes them.
  const page = text.replace(/(?<![\p{L}/])[a-z_]+\/[a-z_]+(?![\p{L}/])/gu, "");
  const found = new Set<string>();
  for (const [english, translated, options] of pairs) {
    for (const [key, message] of Object.entries(english)) {
      if (translated[key] === message) continue;
      // A piece the translation keeps (a word both languages use, such as Liquid's "tag") says nothing.
      for (const piece of pieces(message).filter((piece) => !options?.phrasesOnly || piece.includes(" "))) {
        if (containsWords(page, piece) && !translated[key]?.includes(piece)) found.add(piece);
      }
    }
  }
  return [...found].sort();
}

/** A string of the admin's catalogue, by key, to find the Indonesian or Filipino labels the screens show. */
export function catalogue(language: "id" | "fil"): (key: string) => string {
  const messages: unknown = JSON.parse(
    readFileSync(new URL(`../../web/src/locales/${language}.json`, import.meta.url), "utf8"),
  );
  return (key) => {
    const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    if (typeof found !== "string") throw new Error(`no ${key} in the ${language} catalogue`);
    return found;
  };
}
