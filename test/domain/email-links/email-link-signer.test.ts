import { z } from "zod";
import { createEmailLinkSigner, emailLinkKey } from "../../../server/domain/email-links/email-link-signer.js";
import {
  readSurveyToken,
  surveyLinkExpired,
  surveyLinks,
  surveyToken,
} from "../../../server/domain/nps/survey-links.js";

const signer = createEmailLinkSigner(emailLinkKey({ SHOPIFY_API_SECRET: "secret-one" }));
const sentAt = new Date("2026-11-25T10:00:00Z");
const claim = {
  shopId: 3,
  shopifyOrderId: 5551234567007n,
  score: 9,
  language: "id" as const,
  expiresAt: new Date("2026-12-25T10:00:00Z"),
};

describe("email link tokens", () => {
  test("a token reads back as the claim it was made for", () => {
    expect(readSurveyToken(signer, surveyToken(signer, claim))).toEqual(claim);
  });

  test("changing the order, the score or the shop inside a token breaks it", () => {
    const [body, mac] = surveyToken(signer, claim).split(".");
    const payload = JSON.parse(Buffer.from(body ?? "", "base64url").toString()) as Record<string, unknown>;
    for (const change of [{ o: "5551234567008" }, { v: 10 }, { s: 4 }, { x: 1_900_000_000 }]) {
      const forged = Buffer.from(JSON.stringify({ ...payload, ...change })).toString("base64url");
      expect(readSurveyToken(signer, `${forged}.${mac}`)).toBeNull();
    }
  });

  test("a token signed with another secret, or for another purpose, is refused", () => {
    const other = createEmailLinkSigner(emailLinkKey({ SHOPIFY_API_SECRET: "secret-two" }));
    expect(readSurveyToken(signer, surveyToken(other, claim))).toBeNull();
    const unsubscribe = signer.sign("unsubscribe", { s: 3, o: "5551234567007", v: 9, l: "id" });
    expect(readSurveyToken(signer, unsubscribe)).toBeNull();
    expect(signer.verify("unsubscribe", unsubscribe, z.object({ s: z.number() }))).toEqual({ s: 3 });
  });

  test("EMAIL_LINK_SECRET, when set, replaces the app secret", () => {
    const dedicated = emailLinkKey({ SHOPIFY_API_SECRET: "secret-one", EMAIL_LINK_SECRET: "x".repeat(32) });
    expect(dedicated.equals(emailLinkKey({ SHOPIFY_API_SECRET: "secret-one" }))).toBe(false);
  });

  test("garbage is refused without throwing", () => {
    for (const token of ["", "abc", "a.b", `${"A".repeat(10)}.${"B".repeat(43)}`, "ü.ü"]) {
      expect(readSurveyToken(signer, token)).toBeNull();
    }
  });

  test("one link per score 0-10, each under the app URL, expiring 30 days after the email is sent", () => {
    const links = surveyLinks(signer, "https://glow.example/", { ...claim }, sentAt);
    expect(links.map((link) => link.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const link of links) {
      expect(link.url).toMatch(/^https:\/\/glow\.example\/nps\/[\w-]+\.[\w-]{43}$/);
      const read = readSurveyToken(signer, link.url.split("/").pop() ?? "");
      expect(read?.score).toBe(link.score);
      expect(read?.expiresAt).toEqual(new Date("2026-12-25T10:00:00Z"));
      expect(read && surveyLinkExpired(read, new Date("2026-12-25T09:59:59Z"))).toBe(false);
      expect(read && surveyLinkExpired(read, new Date("2026-12-25T10:00:00Z"))).toBe(true);
    }
  });

  test("a link made before links expired (no expiry inside) counts as expired", () => {
    const legacy = readSurveyToken(signer, signer.sign("nps", { s: 3, o: "5551234567007", v: 9, l: "id" }));
    expect(legacy).toMatchObject({ score: 9, expiresAt: null });
    expect(legacy && surveyLinkExpired(legacy, sentAt)).toBe(true);
  });
});
