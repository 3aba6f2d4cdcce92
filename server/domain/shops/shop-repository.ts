// Shops: install state, details from Shopify and per-shop settings, through Prisma.
import type { PrismaClient, Shop } from "@prisma/client";

export interface ShopDetails {
  name: string;
  email: string | null;
  currencyCode: string;
  ianaTimezone: string;
}

/** How long a worker trusts a shop row it read: short enough that an uninstall stops queued work within seconds. */
const shopCacheMs = 2000;

export function createShopRepository(prisma: PrismaClient) {
  const cache = new Map<string, { shop: Shop | null; until: number }>();
  return {
    async markInstalled(domain: string, scopes: string, details: ShopDetails | null) {
      cache.delete(domain);
      const fields = { status: "installed" as const, scopes, uninstalledAt: null, ...details };
      return prisma.shop.upsert({
        where: { domain },
        create: { domain, installedAt: new Date(), ...fields },
        update: { installedAt: new Date(), ...fields },
      });
    },
    /** Idempotent: a second app/uninstalled keeps the first timestamp. */
    async markUninstalled(domain: string, at: Date) {
      cache.delete(domain);
      await prisma.shop.updateMany({
        where: { domain, status: "installed" },
        data: { status: "uninstalled", uninstalledAt: at },
      });
    },
    findByDomain(domain: string) {
      return prisma.shop.findUnique({ where: { domain } });
    },
    /** For the per-job path: one query per shop every couple of seconds instead of one per webhook. */
    async findByDomainCached(domain: string, now = Date.now()): Promise<Shop | null> {
      const hit = cache.get(domain);
      if (hit && hit.until > now) return hit.shop;
      const shop = await prisma.shop.findUnique({ where: { domain } });
      cache.set(domain, { shop, until: now + shopCacheMs });
      return shop;
    },
  };
}

export type ShopRepository = ReturnType<typeof createShopRepository>;
