// One Admin GraphQL call for a shop with its offline session, the client kept briefly, errors turned into ours.
import type { Shopify } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { ShopifySessionMissingError, toShopifyCallError } from "./shopify-call-errors.js";

/** A coupon job per order would otherwise read the shop's offline session from the database every time. */
const clientCacheMs = 30_000;

export function createAdminGraphql(shopify: Shopify, sessionStorage: SessionStorage) {
  const clients = new Map<string, { client: InstanceType<Shopify["clients"]["Graphql"]>; until: number }>();

  async function client(shopDomain: string) {
    const hit = clients.get(shopDomain);
    if (hit && hit.until > Date.now()) return hit.client;
    const session = await sessionStorage.loadSession(shopify.session.getOfflineId(shopDomain));
    if (!session?.accessToken) throw new ShopifySessionMissingError(`no offline session for ${shopDomain}`);
    const created = new shopify.clients.Graphql({ session });
    clients.set(shopDomain, { client: created, until: Date.now() + clientCacheMs });
    return created;
  }

  return {
    /** The response's `data`; THROTTLED becomes ShopifyThrottledError with the wait the cost data implies. */
    async call(shopDomain: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
      try {
        const response = await (await client(shopDomain)).request(query, { variables });
        return response.data;
      } catch (error) {
        // A reinstall replaces the token: a failed call reads the session again next time.
        clients.delete(shopDomain);
        throw toShopifyCallError(error);
      }
    },
  };
}

export type AdminGraphql = ReturnType<typeof createAdminGraphql>;
