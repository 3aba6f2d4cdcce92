// Proves the simulator's token exchange answers as Shopify's does, through @shopify/shopify-api's own tokenExchange.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import {
  createShopifySimulator,
  mintSessionToken,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { useSimulatorFetch } from "./simulator-fetch.js";

const apiKey = "sim-test-key";
const apiSecret = "sim-test-secret";
const shop = "staff-shop.myshopify.com";

const shopify = shopifyApi({
  apiKey,
  apiSecretKey: apiSecret,
  apiVersion: ApiVersion.October26,
  scopes: ["read_customers"],
  hostName: "app.example.com",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await createShopifySimulator({ apiKey, apiSecret, appUrl: "http://127.0.0.1:1", retryDelaysMs: [5] });
  sim.createShop({ domain: shop, name: "Staff Shop" });
  sim.createShop({ domain: "other-shop.myshopify.com", name: "Other" });
  sim.grantAccessToken(shop, ["read_customers", "write_discounts"]);
  useSimulatorFetch(() => sim.url);
});

afterAll(() => sim.close());

const exchange = (sessionToken: string, online = true) =>
  shopify.auth.tokenExchange({
    shop,
    sessionToken,
    requestedTokenType: online ? RequestedTokenType.OnlineAccessToken : RequestedTokenType.OfflineAccessToken,
  });

/** The OAuth error code Shopify answered with (the library throws HttpResponseError carrying the body). */
function refusal(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => "accepted",
    (error: { response?: { code?: number; body?: { error?: string } } }) => [
      error.response?.code,
      error.response?.body?.error,
    ],
  );
}

describe("token exchange (POST /admin/oauth/access_token, grant_type token-exchange)", () => {
  test("an online token names the session token's user as associated_user, with the shop's scopes", async () => {
    sim.addStaffMember(shop, { id: 4410, firstName: "Dewi", lastName: "Lestari", email: "dewi@example.com" });
    const { session } = await exchange(mintSessionToken({ shop, userId: 4410, apiKey, apiSecret }));
    expect(session.isOnline).toBe(true);
    expect(session.accessToken).toMatch(/^shpua_/);
    expect(session.scope).toBe("read_customers,write_discounts");
    expect(session.onlineAccessInfo?.associated_user).toEqual({
      id: 4410,
      first_name: "Dewi",
      last_name: "Lestari",
      email: "dewi@example.com",
      account_owner: false,
      locale: "en",
      collaborator: false,
      email_verified: true,
    });
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
  });

  test("the shop's owner exists from the start; an offline token names nobody", async () => {
    const { session } = await exchange(mintSessionToken({ shop, apiKey, apiSecret }));
    expect(session.onlineAccessInfo?.associated_user).toMatchObject({ first_name: "Sim", account_owner: true });
    const offline = await exchange(mintSessionToken({ shop, apiKey, apiSecret }), false);
    expect([offline.session.isOnline, offline.session.accessToken?.slice(0, 6)]).toEqual([false, "shpat_"]);
  });

  test("a user the shop does not have, a token for another shop or signed with another secret is refused", async () => {
    const unknownUser = mintSessionToken({ shop, userId: 999, apiKey, apiSecret });
    expect(await refusal(exchange(unknownUser))).toEqual([400, "invalid_subject_token"]);
    const foreign = mintSessionToken({ shop: "other-shop.myshopify.com", apiKey, apiSecret });
    expect(await refusal(exchange(foreign))).toEqual([400, "invalid_subject_token"]);
    const response = await fetch(`${sim.url}/store/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_id: apiKey,
        client_secret: apiSecret,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: mintSessionToken({ shop, apiKey, apiSecret: "not-the-secret" }),
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
      }),
    });
    expect([response.status, ((await response.json()) as { error: string }).error]).toEqual([
      400,
      "invalid_subject_token",
    ]);
  });
});
