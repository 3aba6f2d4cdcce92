// What every Admin API resolver receives: the shop the token belongs to, its scopes and the simulator state.
import { GraphQLError } from "graphql";
import type { AppConfig } from "../app-config.js";
import type { SimStore } from "../state/sim-store.js";
import type { SimShop } from "../state/sim-types.js";

export interface GraphQLContext {
  store: SimStore;
  shop: SimShop;
  scopes: string[];
  config: AppConfig;
  /** When the shop installed the app: the creation time of its webhook subscriptions. */
  installedAt: Date;
}

/** Throws Shopify's ACCESS_DENIED error unless the token holds `read_x` or `write_x` (write implies read). */
export function requireScope(ctx: GraphQLContext, field: string, scope: string): void {
  const resource = scope.replace(/^(read|write)_/, "");
  const ok = ctx.scopes.includes(scope) || ctx.scopes.includes(`write_${resource}`);
  if (!ok) {
    throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
      extensions: {
        code: "ACCESS_DENIED",
        documentation: "https://shopify.dev/api/usage/access-scopes",
        requiredAccess: `\`${scope}\` access scope.`,
      },
    });
  }
}
