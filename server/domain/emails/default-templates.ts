// The default templates shipped with Afterglow: server/domain/emails/templates/<kind>/<language>.<field>.liquid.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TemplateField } from "./liquid-engine.js";

export type TemplateParts = Record<TemplateField, string>;

const templatesDir = fileURLToPath(new URL("./templates/", import.meta.url));
const cache = new Map<string, TemplateParts | null>();

function read(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/** null when the kind has no default in that language (a part that ships its own kind adds the files). */
export function defaultTemplate(kind: string, language: string): TemplateParts | null {
  const key = `${kind}/${language}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const base = `${templatesDir}${kind}/${language}`;
  const subject = read(`${base}.subject.liquid`);
  const html = read(`${base}.html.liquid`);
  const text = read(`${base}.text.liquid`);
  const parts = subject !== null && html !== null && text !== null ? { subject: subject.trim(), html, text } : null;
  cache.set(key, parts);
  return parts;
}

let layout: string | null = null;

/** Wraps every HTML body: the shop's logo or name, its accent colour, and a footer. */
export function htmlLayout(): string {
  layout ??= readFileSync(`${templatesDir}layout.html.liquid`, "utf8");
  return layout;
}
