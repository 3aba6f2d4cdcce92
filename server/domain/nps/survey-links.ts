// The survey's eleven answer links: each signed for one shop, one order and one score, in the order's language.
import { z } from "zod";
import { emailLanguages, type EmailLanguage } from "../email-links/email-language.js";
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";

const surveyTokenSchema = z.object({
  s: z.number().int().positive(),
  o: z.string().regex(/^\d{1,20}$/),
  v: z.number().int().min(0).max(10),
  l: z.enum(emailLanguages),
});

export interface SurveyAnswerClaim {
  shopId: number;
  shopifyOrderId: bigint;
  score: number;
  language: EmailLanguage;
}

export interface SurveyLink {
  score: number;
  url: string;
}

export function surveyToken(signer: EmailLinkSigner, claim: SurveyAnswerClaim): string {
  return signer.sign("nps", { s: claim.shopId, o: claim.shopifyOrderId.toString(), v: claim.score, l: claim.language });
}

export function surveyLinks(
  signer: EmailLinkSigner,
  appUrl: string,
  order: { shopId: number; shopifyOrderId: bigint; language: EmailLanguage },
): SurveyLink[] {
  const base = appUrl.replace(/\/$/, "");
  return Array.from({ length: 11 }, (_, score) => ({
    score,
    url: `${base}/nps/${surveyToken(signer, { ...order, score })}`,
  }));
}

/** The claim a token makes, or null when it was forged, altered or made for something else. */
export function readSurveyToken(signer: EmailLinkSigner, token: string): SurveyAnswerClaim | null {
  const payload = signer.verify("nps", token, surveyTokenSchema);
  if (!payload) return null;
  return { shopId: payload.s, shopifyOrderId: BigInt(payload.o), score: payload.v, language: payload.l };
}
