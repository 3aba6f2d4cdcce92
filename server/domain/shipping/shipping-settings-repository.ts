// Shipping settings in PostgreSQL, and what an estimate needs about a shop: its settings and its time zone.
import type { Prisma, PrismaClient, ShippingSettings as ShippingSettingsRow } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { shopTimeZone } from "./estimate-delivery.js";
import { defaultShippingSettings, transitRuleSchema, type ShippingSettings } from "./shipping-settings.js";

type SettingsFields = Omit<ShippingSettingsRow, "shopId" | "updatedAt">;

function toSettings(row: SettingsFields | null): ShippingSettings {
  if (!row) return defaultShippingSettings;
  // Rows were validated on the way in; parsing again keeps a hand-edited row from reaching the estimate unchecked.
  const transit = transitRuleSchema.array().safeParse(row.transit);
  return {
    cutoffHour: row.cutoffHour,
    processingDays: row.processingDays,
    workingWeekdays: row.workingWeekdays,
    holidays: row.holidays,
    transit: transit.success && transit.data.length > 0 ? transit.data : defaultShippingSettings.transit,
    transitOnWorkingDaysOnly: row.transitOnWorkingDaysOnly,
  };
}

export interface ShopShipping {
  settings: ShippingSettings;
  /** The shop's IANA zone, or UTC when Shopify has not told us one. */
  timeZone: string;
}

// Every order email and delivery estimate asks this: one plain pg statement (Prisma's relation read was two, each
// about 1 ms of CPU in its query compiler).
const shopShippingSql = `
SELECT sh.iana_timezone AS "ianaTimezone", s.shop_id IS NOT NULL AS saved, s.cutoff_hour AS "cutoffHour",
       s.processing_days AS "processingDays", s.working_weekdays AS "workingWeekdays", s.holidays, s.transit,
       s.transit_on_working_days_only AS "transitOnWorkingDaysOnly"
  FROM shop sh LEFT JOIN shipping_settings s ON s.shop_id = sh.id
 WHERE sh.id = $1`;

export function createShippingSettingsRepository(prisma: PrismaClient, pool: PgPool) {
  return {
    async settingsFor(shopId: number): Promise<ShippingSettings> {
      return toSettings(await prisma.shippingSettings.findUnique({ where: { shopId } }));
    },
    async saveSettings(shopId: number, settings: ShippingSettings): Promise<ShippingSettings> {
      const data = { ...settings, transit: settings.transit as unknown as Prisma.InputJsonValue };
      const row = await prisma.shippingSettings.upsert({
        where: { shopId },
        create: { shopId, ...data },
        update: data,
      });
      return toSettings(row);
    },
    /** Null when the shop does not exist. */
    async shopShipping(shopId: number): Promise<ShopShipping | null> {
      const { rows } = await pool.query<SettingsFields & { ianaTimezone: string | null; saved: boolean }>(
        shopShippingSql,
        [shopId],
      );
      const row = rows[0];
      if (!row) return null;
      return { settings: toSettings(row.saved ? row : null), timeZone: shopTimeZone(row.ianaTimezone) };
    },
  };
}

export type ShippingSettingsRepository = ReturnType<typeof createShippingSettingsRepository>;
