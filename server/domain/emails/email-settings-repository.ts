// Email settings in PostgreSQL; a shop without a row, or a kind without an entry, gets the defaults.
import type { EmailSettings as EmailSettingsRow, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { emailKinds, isEmailLanguage, type EmailKind, type KindSetting } from "./email-kinds.js";
import { defaultEmailSettings, withDefaultKinds, type EmailSettings } from "./email-settings.js";

const storedKinds = z.record(z.string(), z.object({ enabled: z.boolean(), delayMinutes: z.number().int().min(0) }));

function toSettings(row: EmailSettingsRow | null): EmailSettings {
  if (!row) return defaultEmailSettings;
  const parsed = storedKinds.safeParse(row.kinds);
  const stored = parsed.success ? parsed.data : {};
  const known: Partial<Record<EmailKind, KindSetting>> = {};
  for (const kind of emailKinds) if (stored[kind]) known[kind] = stored[kind];
  return {
    kinds: withDefaultKinds(known),
    senderName: row.senderName,
    replyTo: row.replyTo,
    logoUrl: row.logoUrl,
    accentColor: row.accentColor,
    defaultLanguage: isEmailLanguage(row.defaultLanguage) ? row.defaultLanguage : "en",
  };
}

export function createEmailSettingsRepository(prisma: PrismaClient) {
  return {
    async settingsFor(shopId: number): Promise<EmailSettings> {
      return toSettings(await prisma.emailSettings.findUnique({ where: { shopId } }));
    },
    /** A PUT may name only some kinds: the others keep what was stored. */
    async save(
      shopId: number,
      settings: Omit<EmailSettings, "kinds"> & { kinds: Partial<Record<EmailKind, KindSetting>> },
    ): Promise<EmailSettings> {
      const current = await this.settingsFor(shopId);
      const kinds = { ...current.kinds, ...settings.kinds };
      const fields = { ...settings, kinds };
      const row = await prisma.emailSettings.upsert({
        where: { shopId },
        create: { shopId, ...fields },
        update: fields,
      });
      return toSettings(row);
    },
  };
}

export type EmailSettingsRepository = ReturnType<typeof createEmailSettingsRepository>;
