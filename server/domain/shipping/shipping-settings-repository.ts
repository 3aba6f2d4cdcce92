// Shipping settings in PostgreSQL, and what an estimate needs about a shop: its settings and its time zone.
import type { Prisma, PrismaClient, ShippingSettings as ShippingSettingsRow } from "@prisma/client";
import { shopTimeZone } from "./estimate-delivery.js";
import { defaultShippingSettings, transitRuleSchema, type ShippingSettings } from "./shipping-settings.js";

function toSettings(row: ShippingSettingsRow | null): ShippingSettings {
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

export function createShippingSettingsRepository(prisma: PrismaClient) {
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
      const shop = await prisma.shop.findUnique({
        where: { id: shopId },
        select: { ianaTimezone: true, shippingSettings: true },
      });
      if (!shop) return null;
      return { settings: toSettings(shop.shippingSettings), timeZone: shopTimeZone(shop.ianaTimezone) };
    },
  };
}

export type ShippingSettingsRepository = ReturnType<typeof createShippingSettingsRepository>;
