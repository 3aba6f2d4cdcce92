// Reads the shop's name, currency and time zone through Admin GraphQL after install.
import type { Session, Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import type { ShopDetails } from "../domain/shops/shop-repository.js";

const shopQuery = `#graphql
  query AfterglowShopDetails {
    shop { name email currencyCode ianaTimezone }
  }`;

const shopResponse = z.object({
  shop: z.object({
    name: z.string(),
    email: z.string().nullable(),
    currencyCode: z.string(),
    ianaTimezone: z.string(),
  }),
});

export async function fetchShopDetails(shopify: Shopify, session: Session): Promise<ShopDetails> {
  const client = new shopify.clients.Graphql({ session });
  // The library retries THROTTLED responses itself when given tries; the bucket refills within seconds.
  const response = await client.request(shopQuery, { retries: 2 });
  return shopResponse.parse(response.data).shop;
}
