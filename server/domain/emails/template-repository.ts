// Owners' own email templates per shop, kind and language, with the last version that worked and the last error.
import type { EmailTemplate, PrismaClient } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import type { TemplateParts } from "./default-templates.js";

// Every email sent reads its template: plain pg, since a Prisma statement costs about 1 ms of CPU in its query
// compiler. Timestamps are UTC without a zone, as Prisma writes them.
const findSql = `
SELECT id, shop_id AS "shopId", kind, language, subject, html, text, good_subject AS "goodSubject",
       good_html AS "goodHtml", good_text AS "goodText", last_error AS "lastError",
       last_error_at AT TIME ZONE 'UTC' AS "lastErrorAt", updated_by AS "updatedBy",
       updated_at AT TIME ZONE 'UTC' AS "updatedAt"
  FROM email_template WHERE shop_id = $1 AND kind = $2 AND language = $3`;

export function createTemplateRepository(prisma: PrismaClient, pool: PgPool) {
  return {
    async find(shopId: number, kind: string, language: string): Promise<EmailTemplate | null> {
      const { rows } = await pool.query<EmailTemplate>(findSql, [shopId, kind, language]);
      return rows[0] ?? null;
    },
    listForShop(shopId: number): Promise<EmailTemplate[]> {
      return prisma.emailTemplate.findMany({ where: { shopId } });
    },
    /** A new version clears the old error: it has not failed yet. The last good version stays as the fallback. */
    save(shopId: number, kind: string, language: string, parts: TemplateParts, updatedBy: string | null) {
      const fields = { ...parts, lastError: null, lastErrorAt: null, updatedBy };
      return prisma.emailTemplate.upsert({
        where: { shopId_kind_language: { shopId, kind, language } },
        create: { shopId, kind, language, ...fields },
        update: fields,
      });
    },
    async remove(shopId: number, kind: string, language: string): Promise<void> {
      await prisma.emailTemplate.deleteMany({ where: { shopId, kind, language } });
    },
    /** This version rendered for a real email: it becomes the fallback. */
    async markGood(id: number, parts: TemplateParts): Promise<void> {
      await prisma.emailTemplate.updateMany({
        where: { id, subject: parts.subject, html: parts.html, text: parts.text },
        data: { goodSubject: parts.subject, goodHtml: parts.html, goodText: parts.text, lastError: null },
      });
    },
    async recordError(id: number, message: string): Promise<void> {
      await prisma.emailTemplate.update({
        where: { id },
        data: { lastError: message.slice(0, 2000), lastErrorAt: new Date() },
      });
    },
  };
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>;
