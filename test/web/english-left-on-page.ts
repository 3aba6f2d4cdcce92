// Finds English left on a page shown in another language: any English catalogue string (the app's or Polaris')
// whose translation differs, appearing in the page's text.
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

export function englishLeftOnPage(text: string, language: "id" | "fil"): string[] {
  const pairs: [Record<string, string>, Record<string, string>][] = [
    [flatten(read("web/src/locales/en.json")), flatten(read(`web/src/locales/${language}.json`))],
    [
      flatten(read("node_modules/@shopify/polaris/locales/en.json")),
      flatten(read(`web/src/locales/polaris/${language}.json`)),
    ],
  ];
  const found = new Set<string>();
  for (const [english, translated] of pairs) {
    for (const [key, message] of Object.entries(english)) {
      if (translated[key] === message) continue;
      for (const piece of pieces(message)) if (text.includes(piece)) found.add(piece);
    }
  }
  return [...found].sort();
}
