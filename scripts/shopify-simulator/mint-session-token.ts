// Mints App Bridge-style session tokens (HS256 JWT signed with the app secret) for the embedded admin and extensions.
import { createHmac, randomBytes, randomUUID } from "node:crypto";

export interface MintSessionTokenInput {
  shop: string;
  userId?: string | number;
  apiKey: string;
  apiSecret: string;
  expiresInSeconds?: number;
  /** Seconds since the epoch; defaults to now. Lets tests mint expired or not-yet-valid tokens. */
  issuedAt?: number;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

export function mintSessionToken(input: MintSessionTokenInput): string {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: String(input.userId ?? "902541635"),
    exp: iat + (input.expiresInSeconds ?? 60),
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid: randomBytes(32).toString("hex"),
  };
  const signingInput = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", input.apiSecret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}
