// Owners' own email templates per shop, kind and language, with the last version that worked and the last error.
import type { EmailTemplate, PrismaClient } from "@prisma/client";
import type { TemplateParts } from "./default-templates.js";

export function createTemplateRepository(prisma: PrismaClient) {
  return {
    find(shopId: number, kind: string, language: string): Promise<EmailTemplate | null> {
      return prisma.emailTemplate.findUnique({ where: { shopId_kind_language: { shopId, kind, language } } });
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
