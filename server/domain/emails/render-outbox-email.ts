// Renders an outbox row: the shop's own template if it works, else its last good version, else the default.
import type { EmailTemplate } from "@prisma/client";
import type { Logger } from "pino";
import { defaultTemplate, type TemplateParts } from "./default-templates.js";
import { buildEmailContext, type ShopBrand } from "./email-context.js";
import type { EmailSettings } from "./email-settings.js";
import { renderParts, type RenderedParts } from "./render-email.js";
import type { TemplateRepository } from "./template-repository.js";

export interface RenderRequest {
  shopId: number;
  kind: string;
  language: string;
  data: unknown;
  shop: ShopBrand;
  settings: EmailSettings;
}

export class TemplateMissingError extends Error {
  override name = "TemplateMissingError";
}

function currentParts(template: EmailTemplate): TemplateParts {
  return { subject: template.subject, html: template.html, text: template.text };
}

function goodParts(template: EmailTemplate): TemplateParts | null {
  if (template.goodSubject === null || template.goodHtml === null || template.goodText === null) return null;
  return { subject: template.goodSubject, html: template.goodHtml, text: template.goodText };
}

function sameParts(a: TemplateParts, b: TemplateParts | null): boolean {
  return b !== null && a.subject === b.subject && a.html === b.html && a.text === b.text;
}

/** A failing custom template never stops the email: the error is recorded for the admin and a fallback renders. */
export async function renderOutboxEmail(
  deps: { templates: TemplateRepository; logger: Logger },
  request: RenderRequest,
): Promise<RenderedParts & { source: "custom" | "last_good" | "default" }> {
  const context = buildEmailContext(request.data, request.shop, request.settings, request.language);
  const custom = await deps.templates.find(request.shopId, request.kind, request.language);
  if (custom) {
    const parts = currentParts(custom);
    try {
      const rendered = await renderParts(parts, context);
      if (!sameParts(parts, goodParts(custom))) await deps.templates.markGood(custom.id, parts);
      return { ...rendered, source: "custom" };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.templates.recordError(custom.id, message);
      deps.logger.warn({ err: error, kind: request.kind, language: request.language }, "custom template failed");
      const good = goodParts(custom);
      if (good && !sameParts(parts, good)) {
        try {
          return { ...(await renderParts(good, context)), source: "last_good" };
        } catch (goodError) {
          deps.logger.warn({ err: goodError }, "last good template failed too; using the default");
        }
      }
    }
  }
  const fallback = defaultTemplate(request.kind, request.language) ?? defaultTemplate(request.kind, "en");
  if (!fallback) throw new TemplateMissingError(`no template for ${request.kind}`);
  return { ...(await renderParts(fallback, context)), source: "default" };
}
