// The small HTML shell of the pages shoppers reach from email links (survey, unsubscribe): no scripts, no session.
import type { EmailLanguage } from "../../domain/email-links/email-language.js";

export type PageLanguage = EmailLanguage;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Fills {name} placeholders: plain text in, plain text out. */
export function fillText(copy: string, values: Record<string, string | number>): string {
  return copy.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The same, escaped for HTML. */
export function fill(copy: string, values: Record<string, string | number>): string {
  return escapeHtml(fillText(copy, values));
}

/** The page language for someone whose link we could not verify: their browser's preference, else English. */
export function languageFromHeader(acceptLanguage: string | undefined): PageLanguage {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const base = part.trim().toLowerCase().split(/[-_;]/)[0];
    if (base === "en") return "en";
    if (base === "id" || base === "in") return "id";
    if (base === "fil" || base === "tl") return "fil";
  }
  return "en";
}

/** `bodyHtml` must already be escaped (build it with fill/escapeHtml). */
export function renderPublicPage(page: { language: PageLanguage; title: string; bodyHtml: string }): string {
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f6f7;color:#202223;margin:0}
main{max-width:32rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;margin-top:0}textarea{width:100%;min-height:6rem;box-sizing:border-box;font:inherit;padding:.5rem}
button{margin-top:1rem;font:inherit;padding:.6rem 1.2rem;border:0;border-radius:8px;background:#202223;color:#fff}
.hint{color:#6d7175;font-size:.9rem}
</style>
</head>
<body><main><h1>${escapeHtml(page.title)}</h1>
${page.bodyHtml}
</main></body>
</html>
`;
}
