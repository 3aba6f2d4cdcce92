// Resolves an unsubscribe link to the consent row it names, and unsubscribes it (honoured by the next send check).
import type { Shop } from "@prisma/client";
import type { EmailLinkSigner } from "../email-links/email-link-signer.js";
import type { ConsentRow, EmailConsentRepository } from "./email-consent-repository.js";
import { readUnsubscribeToken, type UnsubscribeClaim } from "./unsubscribe-links.js";

export interface UnsubscribeDeps {
  signer: EmailLinkSigner;
  consents: EmailConsentRepository;
  findShop: (shopId: number) => Promise<Shop | null>;
}

export type UnsubscribeSubject =
  | { kind: "invalid" }
  /** Signed by us, but the shop's data was redacted since. */
  | { kind: "gone"; claim: UnsubscribeClaim }
  | { kind: "found"; claim: UnsubscribeClaim; consent: ConsentRow; shop: Shop };

export async function findUnsubscribeSubject(deps: UnsubscribeDeps, token: string): Promise<UnsubscribeSubject> {
  const claim = readUnsubscribeToken(deps.signer, token);
  if (!claim) return { kind: "invalid" };
  const consent = await deps.consents.findById(claim.consentId);
  const shop = consent ? await deps.findShop(consent.shopId) : null;
  if (!consent || !shop) return { kind: "gone", claim };
  return { kind: "found", claim, consent, shop };
}

/** Works whether or not the shop still has Afterglow installed: opting out is the shopper's right either way. */
export async function unsubscribeShopper(deps: UnsubscribeDeps, token: string, now: Date): Promise<UnsubscribeSubject> {
  const subject = await findUnsubscribeSubject(deps, token);
  if (subject.kind === "found") await deps.consents.unsubscribe(subject.consent.id, now);
  return subject;
}
