// Unsubscribe links: GET confirms with one button; POST unsubscribes, including RFC 8058 one-click from mail clients.
import express, { Router, type Response } from "express";
import {
  findUnsubscribeSubject,
  unsubscribeShopper,
  type UnsubscribeDeps,
  type UnsubscribeSubject,
} from "../../domain/consent/unsubscribe-shopper.js";
import { languageFromHeader } from "../pages/public-page.js";
import { unsubscribeConfirmPage, unsubscribedPage, unsubscribeRefusedPage } from "../pages/unsubscribe-pages.js";

function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" })
    .type("html")
    .send(html);
}

/** A refused link as a page, in the link's language when we could read it, else the browser's. */
function refuse(res: Response, subject: Exclude<UnsubscribeSubject, { kind: "found" }>, accept?: string): void {
  if (subject.kind === "invalid") sendPage(res, 403, unsubscribeRefusedPage(languageFromHeader(accept)));
  else sendPage(res, 404, unsubscribeRefusedPage(subject.claim.language));
}

export function unsubscribeRoutes(deps: UnsubscribeDeps & { now?: () => Date }): Router {
  const router = Router();
  const path = "/email/unsubscribe/:token";

  // Never unsubscribes: link scanners and previews follow GET links without the shopper asking.
  router.get(path, async (req, res) => {
    const subject = await findUnsubscribeSubject(deps, req.params.token);
    if (subject.kind !== "found") return refuse(res, subject, req.get("accept-language"));
    const page = { language: subject.claim.language, shopName: subject.shop.name ?? subject.shop.domain };
    sendPage(res, 200, unsubscribeConfirmPage({ ...page, email: subject.consent.email }, req.originalUrl));
  });

  router.post(path, express.urlencoded({ extended: false, limit: "1kb" }), async (req, res) => {
    const subject = await unsubscribeShopper(deps, req.params.token, deps.now?.() ?? new Date());
    const body: unknown = req.body;
    const oneClick =
      typeof body === "object" &&
      body !== null &&
      "List-Unsubscribe" in body &&
      body["List-Unsubscribe"] === "One-Click";
    if (oneClick) {
      // RFC 8058: the mail client shows nothing, so a status and a line of text are the whole answer.
      res.status(subject.kind === "found" ? 200 : subject.kind === "invalid" ? 403 : 404).type("text/plain");
      return void res.send(subject.kind === "found" ? "Unsubscribed\n" : "This unsubscribe link is not valid\n");
    }
    if (subject.kind !== "found") return refuse(res, subject, req.get("accept-language"));
    const page = { language: subject.claim.language, shopName: subject.shop.name ?? subject.shop.domain };
    sendPage(res, 200, unsubscribedPage({ ...page, email: subject.consent.email }));
  });

  return router;
}
