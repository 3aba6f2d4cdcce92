// /api/email-templates: the owner reads, edits, previews and test-sends each kind's template per language.
import { randomUUID } from "node:crypto";
import express, { Router, type Response } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { defaultTemplate, type TemplateParts } from "../../domain/emails/default-templates.js";
import { isEmailKind, isEmailLanguage, type EmailKind } from "../../domain/emails/email-kinds.js";
import type { EmailSettingsRepository } from "../../domain/emails/email-settings-repository.js";
import { previewTemplate, summarizeTemplates, TemplateRenderError } from "../../domain/emails/email-template-admin.js";
import type { EnqueueEmail } from "../../domain/emails/enqueue-email.js";
import { TemplateSyntaxError } from "../../domain/emails/liquid-engine.js";
import { sampleEmailData } from "../../domain/emails/sample-email-data.js";
import type { TemplateRepository } from "../../domain/emails/template-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export interface EmailTemplateRouteDeps {
  shopify: Shopify;
  shops: ShopRepository;
  templates: TemplateRepository;
  settings: EmailSettingsRepository;
  enqueueEmail: EnqueueEmail;
}

const partsSchema = z.object({
  subject: z.string().trim().min(1, "Enter a subject").max(500, "At most 500 characters"),
  html: z.string().min(1, "Enter the HTML version").max(100_000, "At most 100,000 characters"),
  text: z.string().min(1, "Enter the plain-text version").max(100_000, "At most 100,000 characters"),
});

const testSchema = z.object({ to: z.email("Enter an email address such as you@example.com") });

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AppError("unprocessable", "Some fields need fixing", { fields: fieldErrors(parsed.error) });
  return parsed.data;
}

function kindAndLanguage(params: Record<string, string | undefined>): { kind: EmailKind; language: string } {
  const { kind = "", language = "" } = params;
  if (!isEmailKind(kind) || !isEmailLanguage(language)) {
    throw new AppError("not_found", `No email template ${kind}/${language}`);
  }
  return { kind, language };
}

/** A Liquid problem is a 422 naming the field, line and column, for the editor to point at. */
function liquidProblem(error: unknown): never {
  if (error instanceof TemplateSyntaxError || error instanceof TemplateRenderError) {
    const { field, line, column, message } = error.issue;
    throw new AppError("unprocessable", `The ${field} template has an error on line ${line}: ${message}`, {
      fields: { [field]: `Line ${line}, column ${column}: ${message}` },
      details: { field, line, column, message },
    });
  }
  throw error;
}

async function preview(
  deps: EmailTemplateRouteDeps,
  res: Response,
  kind: string,
  language: string,
  parts: TemplateParts,
) {
  const { shop } = sessionOf(res);
  const settings = await deps.settings.settingsFor(shop.id);
  const brand = { name: shop.name ?? shop.domain, email: shop.email, ianaTimezone: shop.ianaTimezone };
  return previewTemplate(kind, language, parts, brand, settings).catch(liquidProblem);
}

/** Reading: the list of kinds and languages with their state, and one template's sources. */
function readRoutes(router: Router, deps: EmailTemplateRouteDeps): void {
  router.get("/api/email-templates", async (_req, res) => {
    const custom = await deps.templates.listForShop(sessionOf(res).shop.id);
    res.set("Cache-Control", "no-store").json({ templates: summarizeTemplates(custom) });
  });
  router.get("/api/email-templates/:kind/:language", async (req, res) => {
    const { kind, language } = kindAndLanguage(req.params);
    const own = await deps.templates.find(sessionOf(res).shop.id, kind, language);
    const fallback = defaultTemplate(kind, language);
    const parts = own ?? fallback;
    if (!parts) throw new AppError("not_found", `No email template ${kind}/${language}`);
    res.set("Cache-Control", "no-store").json({
      template: {
        kind,
        language,
        subject: parts.subject,
        html: parts.html,
        text: parts.text,
        isCustom: own !== null,
        lastError: own?.lastError ?? null,
        lastErrorAt: own?.lastErrorAt?.toISOString() ?? null,
        default: fallback,
      },
    });
  });
}

/** Changing: save (422 naming the line), back to the default, preview and send a test. */
function writeRoutes(router: Router, deps: EmailTemplateRouteDeps): void {
  router.put("/api/email-templates/:kind/:language", async (req, res) => {
    const { kind, language } = kindAndLanguage(req.params);
    const parts = parseBody(partsSchema, req.body);
    await preview(deps, res, kind, language, parts);
    const { shop, subject } = sessionOf(res);
    const saved = await deps.templates.save(shop.id, kind, language, parts, subject ?? null);
    res.json({
      template: {
        kind,
        language,
        subject: saved.subject,
        html: saved.html,
        text: saved.text,
        isCustom: true,
        lastError: null,
      },
    });
  });
  router.delete("/api/email-templates/:kind/:language", async (req, res) => {
    const { kind, language } = kindAndLanguage(req.params);
    await deps.templates.remove(sessionOf(res).shop.id, kind, language);
    res.status(204).end();
  });
  router.post("/api/email-templates/:kind/:language/preview", async (req, res) => {
    const { kind, language } = kindAndLanguage(req.params);
    res
      .set("Cache-Control", "no-store")
      .json(await preview(deps, res, kind, language, parseBody(partsSchema, req.body)));
  });
  router.post("/api/email-templates/:kind/:language/test", async (req, res) => {
    const { kind, language } = kindAndLanguage(req.params);
    const { to } = parseBody(testSchema, req.body);
    // Through the outbox like any email, with the stored template (or the default) and the sample order.
    const queued = await deps.enqueueEmail({
      shopId: sessionOf(res).shop.id,
      kind,
      dedupeKey: `test:${randomUUID()}`,
      to,
      language,
      promotional: false,
      data: sampleEmailData(kind),
      ignoreShopSettings: true,
    });
    res.status(202).json({ email: { id: queued.id, status: queued.status } });
  });
}

export function emailTemplateRoutes(deps: EmailTemplateRouteDeps): Router {
  const router = Router();
  router.use("/api/email-templates", requireSessionToken(deps.shopify, deps.shops), express.json({ limit: "256kb" }));
  readRoutes(router, deps);
  writeRoutes(router, deps);
  return router;
}
