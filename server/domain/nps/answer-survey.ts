// Turns a followed survey link into a recorded answer, or says why it cannot be one.
import type { Shop } from "@prisma/client";
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";
import type { NpsResponseRepository, RecordedAnswer } from "./nps-response-repository.js";
import { readSurveyToken, surveyLinkExpired, type SurveyAnswerClaim } from "./survey-links.js";

export interface AnswerSurveyDeps {
  signer: EmailLinkSigner;
  responses: NpsResponseRepository;
  findShop: (shopId: number) => Promise<Shop | null>;
  orderExists: (shopId: number, shopifyOrderId: bigint) => Promise<boolean>;
}

export type SurveyVisit =
  /** Forged, altered, or signed for another purpose: nothing is recorded. */
  | { kind: "invalid" }
  /** Signed by us, but the shop uninstalled or the order is gone (redacted): nothing is recorded. */
  | { kind: "closed"; claim: SurveyAnswerClaim }
  /** Signed by us, but past its expiry (`surveyLinkDays` after the email was sent): nothing is recorded. */
  | { kind: "expired"; claim: SurveyAnswerClaim }
  | { kind: "answered"; claim: SurveyAnswerClaim; shop: Shop; answer: RecordedAnswer };

async function openClaim(deps: AnswerSurveyDeps, token: string, now: Date) {
  const claim = readSurveyToken(deps.signer, token);
  if (!claim) return { kind: "invalid" as const };
  if (surveyLinkExpired(claim, now)) return { kind: "expired" as const, claim };
  const shop = await deps.findShop(claim.shopId);
  if (!shop || shop.status !== "installed" || !(await deps.orderExists(shop.id, claim.shopifyOrderId))) {
    return { kind: "closed" as const, claim };
  }
  return { kind: "open" as const, claim, shop };
}

/** One answer per order: following another score's link replaces the score, following the same one changes nothing. */
export async function answerSurvey(deps: AnswerSurveyDeps, token: string, now: Date): Promise<SurveyVisit> {
  const opened = await openClaim(deps, token, now);
  if (opened.kind !== "open") return opened;
  const { claim, shop } = opened;
  const answer = await deps.responses.recordAnswer({
    shopId: shop.id,
    shopifyOrderId: claim.shopifyOrderId,
    score: claim.score,
    language: claim.language,
    at: now,
  });
  return { kind: "answered", claim, shop, answer };
}

export type CommentResult =
  | { kind: "invalid" }
  | { kind: "closed"; claim: SurveyAnswerClaim }
  | { kind: "expired"; claim: SurveyAnswerClaim }
  | { kind: "saved"; claim: SurveyAnswerClaim; shop: Shop };

/** The comment form carries the answer link's token: whoever may answer for the order may add a comment to it. */
export async function commentOnSurvey(
  deps: AnswerSurveyDeps,
  token: string,
  comment: string,
  now: Date,
): Promise<CommentResult> {
  const opened = await openClaim(deps, token, now);
  if (opened.kind !== "open") return opened;
  const saved = await deps.responses.saveComment(opened.shop.id, opened.claim.shopifyOrderId, comment, now);
  return saved ? { kind: "saved", claim: opened.claim, shop: opened.shop } : { kind: "closed", claim: opened.claim };
}
