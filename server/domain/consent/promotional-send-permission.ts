// The outbox asks this right before sending: promotional mail needs consent now, and carries one-click unsubscribe.
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";
import { emailLanguageOf } from "../email-links/email-language.js";
import type { EmailConsentRepository } from "./email-consent-repository.js";
import { unsubscribeUrl } from "./unsubscribe-links.js";

export interface OutgoingEmail {
  shopId: number;
  to: string;
  language: string;
  promotional: boolean;
}

export type SendPermission =
  | {
      send: true;
      /** Extra message headers (RFC 2369 List-Unsubscribe, RFC 8058 List-Unsubscribe-Post) for promotional mail. */
      headers: Record<string, string>;
      /** For the template's unsubscribe link; null for transactional mail. */
      unsubscribeUrl: string | null;
    }
  | { send: false; reason: string };

export interface SendPermissionDeps {
  consents: EmailConsentRepository;
  signer: EmailLinkSigner;
  appUrl: string;
}

/**
 * Checked at send time, not at enqueue time, so an unsubscribe is honoured at once, even for mail already queued.
 * Transactional mail (order and shipping updates) needs no marketing consent and carries no unsubscribe.
 */
export async function promotionalSendPermission(
  deps: SendPermissionDeps,
  email: OutgoingEmail,
): Promise<SendPermission> {
  if (!email.promotional) return { send: true, headers: {}, unsubscribeUrl: null };
  const consent = await deps.consents.find(email.shopId, email.to);
  if (!consent) return { send: false, reason: "no email marketing consent on record" };
  if (consent.state !== "subscribed") return { send: false, reason: `email marketing consent is ${consent.state}` };
  const url = unsubscribeUrl(deps.signer, deps.appUrl, {
    consentId: consent.id,
    language: emailLanguageOf(email.language),
  });
  return {
    send: true,
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    unsubscribeUrl: url,
  };
}
