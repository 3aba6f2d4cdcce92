// The signed unsubscribe link of one consent row (no address in the URL); its language is the email's.
import { z } from "zod";
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";
import { emailLanguages, type EmailLanguage } from "../email-links/email-language.js";

const unsubscribeTokenSchema = z.object({ c: z.number().int().positive(), l: z.enum(emailLanguages) });

export interface UnsubscribeClaim {
  consentId: number;
  language: EmailLanguage;
}

export function unsubscribeUrl(signer: EmailLinkSigner, appUrl: string, claim: UnsubscribeClaim): string {
  const token = signer.sign("unsubscribe", { c: claim.consentId, l: claim.language });
  return `${appUrl.replace(/\/$/, "")}/email/unsubscribe/${token}`;
}

export function readUnsubscribeToken(signer: EmailLinkSigner, token: string): UnsubscribeClaim | null {
  const payload = signer.verify("unsubscribe", token, unsubscribeTokenSchema);
  return payload ? { consentId: payload.c, language: payload.l } : null;
}
