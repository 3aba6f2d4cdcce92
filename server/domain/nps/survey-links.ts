// The survey's eleven answer links: each signed for one shop, one order, one score and the email's language, and
// valid for a limited time after the email is sent.
import { z } from "zod";
import { emailLanguages, type EmailLanguage } from "../email-links/email-language.js";
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";

/** How long a survey's links take answers after the email is sent (they are signed when it is rendered to send). */
export const surveyLinkDays = 30;

const surveyTokenSchema = z.object({
  s: z.number().int().positive(),
  o: z.string().regex(/^\d{1,20}$/),
  v: z.number().int().min(0).max(10),
  l: z.enum(emailLanguages),
  /** Expiry, Unix seconds. Links sent before surveys expired have none: they count as expired. */
  x: z.number().int().positive().optional(),
});

export interface SurveyAnswerClaim {
  shopId: number;
  shopifyOrderId: bigint;
  score: number;
  language: EmailLanguage;
  /** null only for a link made before links carried an expiry. */
  expiresAt: Date | null;
}

export interface SurveyLink {
  score: number;
  url: string;
}

export function surveyToken(signer: EmailLinkSigner, claim: SurveyAnswerClaim): string {
  const payload: Record<string, string | number> = {
    s: claim.shopId,
    o: claim.shopifyOrderId.toString(),
    v: claim.score,
    l: claim.language,
  };
  if (claim.expiresAt) payload.x = Math.floor(claim.expiresAt.getTime() / 1000);
  return signer.sign("nps", payload);
}

/** The links of a survey sent at `sentAt`: they take answers for `surveyLinkDays` days. */
export function surveyLinks(
  signer: EmailLinkSigner,
  appUrl: string,
  order: { shopId: number; shopifyOrderId: bigint; language: EmailLanguage },
  sentAt: Date,
): SurveyLink[] {
  const base = appUrl.replace(/\/$/, "");
  const expiresAt = new Date(sentAt.getTime() + surveyLinkDays * 24 * 3600 * 1000);
  return Array.from({ length: 11 }, (_, score) => ({
    score,
    url: `${base}/nps/${surveyToken(signer, { ...order, score, expiresAt })}`,
  }));
}

/** The claim a token makes, or null when it was forged, altered or made for something else. */
export function readSurveyToken(signer: EmailLinkSigner, token: string): SurveyAnswerClaim | null {
  const payload = signer.verify("nps", token, surveyTokenSchema);
  if (!payload) return null;
  return {
    shopId: payload.s,
    shopifyOrderId: BigInt(payload.o),
    score: payload.v,
    language: payload.l,
    expiresAt: payload.x === undefined ? null : new Date(payload.x * 1000),
  };
}

/** Whether the link no longer takes answers (its expiry passed, or it predates expiries). */
export function surveyLinkExpired(claim: SurveyAnswerClaim, now: Date): boolean {
  return claim.expiresAt === null || claim.expiresAt.getTime() <= now.getTime();
}
