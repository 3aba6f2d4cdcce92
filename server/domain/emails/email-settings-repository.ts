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

/** How long a process trusts settings it read: every order event reads them, an owner's change shows within seconds. */
const settingsCacheMs = 2000;

export function createEmailSettingsRepository(prisma: PrismaClient) {
  const cache = new Map<number, { settings: EmailSettings; until: number }>();
  return {
    async settingsFor(shopId: number, now = Date.now()): Promise<EmailSettings> {
      const hit = cache.get(shopId);
      if (hit && hit.until > now) return hit.settings;
      const settings = toSettings(await prisma.emailSettings.findUnique({ where: { shopId } }));
      cache.set(shopId, { settings, until: now + settingsCacheMs });
      return settings;
    },
    /** A PUT may name only some kinds: the others keep what was stored. */
    async save(
      shopId: number,
      settings: Omit<EmailSettings, "kinds"> & { kinds: Partial<Record<EmailKind, KindSetting>> },
    ): Promise<EmailSettings> {
      cache.delete(shopId);
      const current = await this.settingsFor(shopId);
      const kinds = { ...current.kinds, ...settings.kinds };
      const fields = { ...settings, kinds };
      const row = await prisma.emailSettings.upsert({
        where: { shopId },
        create: { shopId, ...fields },
        update: fields,
      });
      cache.delete(shopId);
      return toSettings(row);
    },
  };
}

export type EmailSettingsRepository = ReturnType<typeof createEmailSettingsRepository>;
