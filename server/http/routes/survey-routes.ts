// The survey's public pages: following a score link records the answer; the thank-you page takes a comment.
import express, { Router, type Response } from "express";
import { z } from "zod";
import { answerSurvey, commentOnSurvey, type AnswerSurveyDeps } from "../../domain/nps/answer-survey.js";
import { languageFromHeader } from "../pages/public-page.js";
import {
  maxCommentLength,
  surveyCommentSavedPage,
  surveyRefusedPage,
  surveyThanksPage,
} from "../pages/survey-pages.js";

const refusedStatus = { closed: 404, expired: 410 } as const;

const commentSchema = z.object({ comment: z.string().trim().max(maxCommentLength) });

/** The token in the URL is the only credential: keep it out of caches, referrers and search engines. */
function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" })
    .type("html")
    .send(html);
}

export function surveyRoutes(deps: AnswerSurveyDeps & { now?: () => Date }): Router {
  const router = Router();
  const now = () => deps.now?.() ?? new Date();

  router.get("/nps/:token", async (req, res) => {
    const visit = await answerSurvey(deps, req.params.token, now());
    if (visit.kind === "invalid")
      return sendPage(res, 403, surveyRefusedPage(languageFromHeader(req.get("accept-language")), "invalid"));
    // A genuine link: the page speaks the email's language. Gone for good (410) once expired.
    if (visit.kind === "closed" || visit.kind === "expired")
      return sendPage(res, refusedStatus[visit.kind], surveyRefusedPage(visit.claim.language, visit.kind));
    sendPage(
      res,
      200,
      surveyThanksPage({
        language: visit.claim.language,
        shopName: visit.shop.name ?? visit.shop.domain,
        score: visit.answer.score,
        comment: visit.answer.comment,
        commentAction: `/nps/${req.params.token}/comment`,
      }),
    );
  });

  router.post("/nps/:token/comment", express.urlencoded({ extended: false, limit: "16kb" }), async (req, res) => {
    const language = languageFromHeader(req.get("accept-language"));
    const parsed = commentSchema.safeParse(req.body);
    // The form's maxlength keeps browsers within the limit; anything else is not our form.
    if (!parsed.success) return sendPage(res, 422, surveyRefusedPage(language, "invalid"));
    const result = await commentOnSurvey(deps, req.params.token, parsed.data.comment, now());
    if (result.kind === "invalid") return sendPage(res, 403, surveyRefusedPage(language, "invalid"));
    if (result.kind === "closed" || result.kind === "expired")
      return sendPage(res, refusedStatus[result.kind], surveyRefusedPage(result.claim.language, result.kind));
    sendPage(res, 200, surveyCommentSavedPage(result.claim.language, result.shop.name ?? result.shop.domain));
  });

  return router;
}
