// Makes a campaign send's offer real once: its personal code in Shopify (looked up before created) or its points.
import { Prisma } from "@prisma/client";
import { createOrAdoptCode } from "../../shopify/create-or-adopt-code.js";
import type { DiscountCodeService, PersonalCode } from "../../shopify/discount-code-service.js";
import { ShopifySessionMissingError, ShopifyUserError } from "../../shopify/shopify-call-errors.js";
import type { LedgerRepository } from "../loyalty/ledger-repository.js";
import type { CampaignSendRow, CampaignSendRepository } from "./campaign-send-repository.js";
import type { CampaignOffer } from "./campaign-settings.js";

export interface OfferDeps {
  sends: Pick<CampaignSendRepository, "markCode">;
  ledger: Pick<LedgerRepository, "append">;
  discounts: Pick<DiscountCodeService, "findByCode" | "create">;
}

export interface OfferTarget {
  shopId: number;
  shopDomain: string;
  shopifyCustomerId: string;
  now: Date;
}

export type OfferOutcome = { ready: true } | { ready: false; error: string };

export function campaignCode(
  send: CampaignSendRow,
  offer: Extract<CampaignOffer, { type: "coupon" }>,
  target: OfferTarget,
  endsAt: Date,
): PersonalCode {
  return {
    title: `Afterglow ${send.campaign} ${send.code ?? ""}`.trim(),
    code: send.code ?? "",
    shopifyCustomerId: BigInt(target.shopifyCustomerId),
    startsAt: target.now,
    endsAt,
    minimumSubtotal: null,
    kind: offer.kind,
    value: new Prisma.Decimal(offer.value),
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
  };
}

/**
 * Points move once (ledger key per send). A code Shopify refuses is recorded as failed and no mail goes out;
 * an unreachable Shopify throws, the send stays pending and the next run finishes it.
 */
export async function issueCampaignOffer(
  deps: OfferDeps,
  send: CampaignSendRow,
  offer: CampaignOffer,
  target: OfferTarget,
): Promise<OfferOutcome> {
  if (send.points) {
    await deps.ledger.append({
      shopId: target.shopId,
      customerId: send.customerId,
      points: send.points,
      cause: send.campaign === "birthday" ? "birthday" : "adjustment",
      // Birthday points share the loyalty program's key (birthday:<customer>:<year>): one award a year either way.
      idempotencyKey: send.campaign === "birthday" ? send.periodKey : `campaign:${send.periodKey}`,
      reason: `Campaign ${send.campaign}`,
      actor: "system",
    });
  }
  if (!send.code || send.codeStatus === "issued") return { ready: true };
  if (send.codeStatus === "failed") return { ready: false, error: "the discount code was refused" };
  if (offer.type !== "coupon" || !send.codeEndsAt) return { ready: false, error: "the offer changed to no code" };
  try {
    const code = campaignCode(send, offer, target, send.codeEndsAt);
    const { discountId: id } = await createOrAdoptCode(deps.discounts, target.shopDomain, code);
    await deps.sends.markCode(send.id, "issued", id, null);
    return { ready: true };
  } catch (error) {
    if (!(error instanceof ShopifyUserError || error instanceof ShopifySessionMissingError)) throw error;
    await deps.sends.markCode(send.id, "failed", null, error.message);
    return { ready: false, error: error.message };
  }
}
