// What the template screens need: every kind and language with its state, one template's sources, and a preview.
import type { EmailTemplate } from "@prisma/client";
import { defaultTemplate, type TemplateParts } from "./default-templates.js";
import { buildEmailContext, type ShopBrand } from "./email-context.js";
import { emailKinds, emailLanguages } from "./email-kinds.js";
import type { EmailSettings } from "./email-settings.js";
import { LiquidError } from "liquidjs";
import { syntaxIssues, TemplateSyntaxError, type LiquidIssue, type TemplateField } from "./liquid-engine.js";
import { renderParts, type RenderedParts } from "./render-email.js";
import { sampleEmailData } from "./sample-email-data.js";

export interface TemplateSummary {
  kind: string;
  language: string;
  isCustom: boolean;
  hasDefault: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string | null;
}

export function summarizeTemplates(custom: EmailTemplate[]): TemplateSummary[] {
  const byKey = new Map(custom.map((template) => [`${template.kind}/${template.language}`, template]));
  return emailKinds.flatMap((kind) =>
    emailLanguages.map((language) => {
      const own = byKey.get(`${kind}/${language}`);
      return {
        kind,
        language,
        isCustom: own !== undefined,
        hasDefault: defaultTemplate(kind, language) !== null,
        lastError: own?.lastError ?? null,
        lastErrorAt: own?.lastErrorAt?.toISOString() ?? null,
        updatedAt: own?.updatedAt.toISOString() ?? null,
      };
    }),
  );
}

/** A template that parses can still fail on real data; the sample order catches most of that before saving. */
export class TemplateRenderError extends Error {
  override name = "TemplateRenderError";
  constructor(readonly issue: LiquidIssue) {
    super(issue.message);
  }
}

async function renderField(field: TemplateField, parts: TemplateParts, context: Record<string, unknown>) {
  const only: TemplateParts = { subject: "x", html: "", text: "", [field]: parts[field] };
  try {
    await renderParts(only, context);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) throw error;
    const [line = 1, column = 1] = error instanceof LiquidError ? error.token.getPosition() : [];
    const message = error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, "") : String(error);
    throw new TemplateRenderError({ field, line, column, message });
  }
}

/** Renders the parts with the sample order; throws TemplateSyntaxError or TemplateRenderError naming the line. */
export async function previewTemplate(
  kind: string,
  language: string,
  parts: TemplateParts,
  shop: ShopBrand,
  settings: EmailSettings,
): Promise<RenderedParts> {
  const [issue] = syntaxIssues(parts);
  if (issue) throw new TemplateSyntaxError(issue);
  const context = buildEmailContext(sampleEmailData(kind), shop, settings, language);
  try {
    return await renderParts(parts, context);
  } catch {
    // Find which field failed, and where, for the 422.
    for (const field of ["subject", "html", "text"] as const) await renderField(field, parts, context);
    throw new TemplateRenderError({ field: "subject", line: 1, column: 1, message: "the subject rendered empty" });
  }
}
