// Resolves `shop`: the store the access token belongs to.
import type { GraphQLContext } from "./graphql-context.js";
import { toGid } from "./gid.js";
import type { ResolverArea } from "./root-fields.js";

export const shopResolvers: ResolverArea = {
  query: {
    shop: (_args, ctx: GraphQLContext) => {
      const shop = ctx.shop;
      return {
        id: toGid("Shop", shop.id),
        name: shop.name,
        email: shop.email,
        myshopifyDomain: shop.domain,
        url: `https://${shop.domain}`,
        currencyCode: shop.currencyCode,
        ianaTimezone: shop.ianaTimezone,
        billingAddress: { countryCodeV2: shop.countryCode, country: shop.countryCode },
      };
    },
  },
};
