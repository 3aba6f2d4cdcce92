// Mints the session token checkout UI extensions get from shopify.sessionToken.get(): HS256 with the app secret.
import { createHmac, randomUUID } from "node:crypto";

export interface MintCheckoutSessionTokenInput {
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** The logged-in buyer's customer id; Shopify leaves `sub` out for anonymous buyers. */
  customerId?: number | null;
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
}

/** Shopify's checkout tokens live five minutes. */
export const CHECKOUT_TOKEN_TTL_SECONDS = 300;

/**
 * Checkout tokens differ from the admin's App Bridge tokens: `dest` is the bare myshopify domain (no scheme),
 * and there is no `iss` or `sid`. Claims as documented for the checkout Session Token API.
 */
export function mintCheckoutSessionToken(input: MintCheckoutSessionTokenInput): string {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = {
    dest: input.shop,
    aud: input.apiKey,
    exp: iat + CHECKOUT_TOKEN_TTL_SECONDS,
    nbf: iat,
    iat,
    jti: randomUUID(),
    ...(input.customerId == null ? {} : { sub: `gid://shopify/Customer/${input.customerId}` }),
  };
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}`;
  const signature = createHmac("sha256", input.apiSecret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}
