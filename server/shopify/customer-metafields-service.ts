// Writes customer metafields through Admin GraphQL metafieldsSet: at most 25 per call, all or nothing.
import type { Shopify } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { z } from "zod";
import { ShopifySessionMissingError, toShopifyCallError } from "./shopify-call-errors.js";

export const metafieldsPerCall = 25;

const setMutation = `#graphql
  mutation AfterglowSetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id }
      userErrors { field message code elementIndex }
    }
  }`;

const resultSchema = z.object({
  metafieldsSet: z.object({
    userErrors: z.array(
      z.object({
        field: z.array(z.string()).nullable(),
        message: z.string(),
        code: z.string().nullable(),
        elementIndex: z.number().nullable(),
      }),
    ),
  }),
});

export interface MetafieldInput {
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export type MetafieldUserError = z.infer<typeof resultSchema>["metafieldsSet"]["userErrors"][number];

export function createCustomerMetafieldsService(shopify: Shopify, sessionStorage: SessionStorage) {
  return {
    /** Returns Shopify's userErrors (empty when every metafield was written); throttling and transport errors throw. */
    async set(shopDomain: string, metafields: MetafieldInput[]): Promise<MetafieldUserError[]> {
      if (metafields.length > metafieldsPerCall) throw new RangeError(`at most ${metafieldsPerCall} per call`);
      const session = await sessionStorage.loadSession(shopify.session.getOfflineId(shopDomain));
      if (!session?.accessToken) throw new ShopifySessionMissingError(`no offline session for ${shopDomain}`);
      try {
        const response = await new shopify.clients.Graphql({ session }).request(setMutation, {
          variables: { metafields },
        });
        return resultSchema.parse(response.data).metafieldsSet.userErrors;
      } catch (error) {
        throw toShopifyCallError(error);
      }
    },
  };
}

export type CustomerMetafieldsService = ReturnType<typeof createCustomerMetafieldsService>;
