// app/uninstalled: mark the shop uninstalled (its queued work then stops) and drop its access tokens.
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import type { WebhookHandler } from "../webhook-handler.js";

export interface AppUninstalledDeps {
  shops: ShopRepository;
  deleteSessions: (shopDomain: string) => Promise<void>;
}

export function handleAppUninstalled(deps: AppUninstalledDeps): WebhookHandler {
  return async (_payload, { shop, triggeredAt }) => {
    await deps.shops.markUninstalled(shop.domain, triggeredAt ?? new Date());
    await deps.deleteSessions(shop.domain);
    return { status: "completed", outcome: "shop marked uninstalled; its sessions were removed" };
  };
}
