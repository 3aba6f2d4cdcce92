// An installed shop in Asia/Jakarta (Indonesia, rupiah): delivery estimates depend on the shop's own time zone.
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { testApiKey, testApiSecret, waitFor, type TestStack } from "./start-test-stack.js";

export async function installJakartaShop(stack: TestStack, domain = "batik-jakarta.myshopify.com"): Promise<string> {
  stack.sim.createShop({
    domain,
    name: "Batik Jakarta",
    email: "owner@batik.example",
    currencyCode: "IDR",
    ianaTimezone: "Asia/Jakarta",
    countryCode: "ID",
  });
  const result = await stack.sim.installApp(domain);
  if (result.status >= 400) throw new Error(`install failed: HTTP ${result.status}`);
  // The shop's details (its time zone among them) are read from Shopify just after the install.
  await waitFor("the shop's time zone", async () => {
    const row = await stack.services.repositories.shops.findByDomain(domain);
    return row?.ianaTimezone === "Asia/Jakarta";
  });
  return domain;
}

/** JSON request headers with a fresh admin session token for the shop. */
export function adminHeaders(shop: string): Record<string, string> {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}
