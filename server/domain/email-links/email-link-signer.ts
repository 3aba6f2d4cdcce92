// Signs and verifies the tokens inside email links (survey answers, unsubscribe): the signature is the only auth.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

/** The purposes a token can serve; each is part of the signed bytes, so a token for one never works for another. */
export type LinkPurpose = "nps" | "unsubscribe";

export interface EmailLinkSigner {
  sign(purpose: LinkPurpose, payload: Record<string, string | number>): string;
  /** The payload when the token is intact, was made for this purpose and matches the schema; otherwise null. */
  verify<T>(purpose: LinkPurpose, token: string, schema: z.ZodType<T>): T | null;
}

/**
 * A dedicated secret when configured; otherwise a key derived from the app secret, labelled so it can never equal a
 * webhook or session-token signature made with the app secret itself.
 */
export function emailLinkKey(config: { EMAIL_LINK_SECRET?: string | undefined; SHOPIFY_API_SECRET: string }): Buffer {
  const secret = config.EMAIL_LINK_SECRET ?? config.SHOPIFY_API_SECRET;
  return createHmac("sha256", secret).update("afterglow email links v1").digest();
}

const tokenPattern = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/;

export function createEmailLinkSigner(key: Buffer): EmailLinkSigner {
  const mac = (purpose: LinkPurpose, body: string) => createHmac("sha256", key).update(`${purpose}.${body}`).digest();
  return {
    sign(purpose, payload) {
      const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
      return `${body}.${mac(purpose, body).toString("base64url")}`;
    },
    verify(purpose, token, schema) {
      const match = tokenPattern.exec(token);
      if (!match?.[1] || !match[2]) return null;
      const given = Buffer.from(match[2], "base64url");
      const expected = mac(purpose, match[1]);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8"));
      } catch {
        return null;
      }
      const parsed = schema.safeParse(payload);
      return parsed.success ? parsed.data : null;
    },
  };
}
