// Shops: install state, details from Shopify and per-shop settings, through Prisma.
import type { PrismaClient } from "@prisma/client";

export interface ShopDetails {
  name: string;
  email: string | null;
  currencyCode: string;
  ianaTimezone: string;
}

export function createShopRepository(prisma: PrismaClient) {
  return {
    async markInstalled(domain: string, scopes: string, details: ShopDetails | null) {
      const fields = { status: "installed" as const, scopes, uninstalledAt: null, ...details };
      return prisma.shop.upsert({
        where: { domain },
        create: { domain, installedAt: new Date(), ...fields },
        update: { installedAt: new Date(), ...fields },
      });
    },
    /** Idempotent: a second app/uninstalled keeps the first timestamp. */
    async markUninstalled(domain: string, at: Date) {
      await prisma.shop.updateMany({
        where: { domain, status: "installed" },
        data: { status: "uninstalled", uninstalledAt: at },
      });
    },
    findByDomain(domain: string) {
      return prisma.shop.findUnique({ where: { domain } });
    },
  };
}

export type ShopRepository = ReturnType<typeof createShopRepository>;
