// Renders a subject/html/text triple with a context: the HTML body inside the shop's layout, tidy text.
import { htmlLayout, type TemplateParts } from "./default-templates.js";
import { renderTemplate } from "./liquid-engine.js";

export interface RenderedParts {
  subject: string;
  html: string;
  text: string;
}

/** Promotional mail's text part ends with the unsubscribe link, whatever the kind's template says. */
function unsubscribeLine(context: Record<string, unknown>): string {
  const unsubscribe = context.unsubscribe;
  if (typeof unsubscribe !== "object" || unsubscribe === null || !("url" in unsubscribe) || !("label" in unsubscribe)) {
    return "";
  }
  return `\n${String(unsubscribe.label)}: ${String(unsubscribe.url)}\n`;
}

export async function renderParts(parts: TemplateParts, context: Record<string, unknown>): Promise<RenderedParts> {
  // A subject is one line whatever the template's whitespace.
  const subject = (await renderTemplate("subject", parts.subject, context)).replace(/\s+/g, " ").trim();
  const body = await renderTemplate("html", parts.html, context);
  const html = await renderTemplate("html", htmlLayout(), { ...context, subject, content: body });
  const text = (await renderTemplate("text", parts.text, context))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (subject === "") throw new Error("the subject rendered empty");
  return { subject, html, text: `${text}\n${unsubscribeLine(context)}` };
}
