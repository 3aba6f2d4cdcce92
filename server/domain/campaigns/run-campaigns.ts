// One campaign run for a shop as of `now`: find who is due, claim their send, make the offer, queue the email once.
import { DateTime } from "luxon";
import { generateCouponCode } from "../coupons/generate-coupon-code.js";
import type { EnqueueEmail } from "../emails/enqueue-email.js";
import type { CampaignAudienceRepository, CampaignCandidate } from "./campaign-audience-repository.js";
import { anniversaryWindow, birthdayWindow, lapseCutoff, localNow } from "./campaign-calendar.js";
import type { CampaignSendRepository } from "./campaign-send-repository.js";
import type { CampaignName, CampaignOffer, CampaignSettings } from "./campaign-settings.js";
import { targetCandidates } from "./campaign-targeting.js";
import { issueCampaignOffer, type OfferDeps } from "./issue-campaign-offer.js";

export interface CampaignRunDeps extends OfferDeps {
  audience: CampaignAudienceRepository;
  sends: CampaignSendRepository;
  enqueueEmail: EnqueueEmail;
}

export interface CampaignShop {
  id: number;
  domain: string;
  ianaTimezone: string | null;
}

export interface CampaignTally {
  queued: number;
  alreadySent: number;
  failed: number;
}

export type CampaignRun = Partial<Record<CampaignName, CampaignTally>>;

const codePrefixes: Record<CampaignName, string> = {
  winback: "BACK",
  birthday: "BDAY",
  anniversary: "YEAR",
  replenishment: "AGAIN",
  expiring_coupon: "",
};

interface Delivery {
  shop: CampaignShop;
  campaign: CampaignName;
  offer: CampaignOffer;
  now: Date;
}

function offerData(offer: CampaignOffer, code: string | null, endsAt: Date | null, timeZone: string) {
  if (offer.type === "coupon" && code && endsAt) {
    const endsOn = DateTime.fromJSDate(endsAt).setZone(timeZone).toISODate() ?? "";
    return { type: "coupon", kind: offer.kind, value: offer.value, code, endsOn };
  }
  if (offer.type === "points") return { type: "points", points: offer.points };
  return { type: "none" };
}

async function deliver(
  deps: CampaignRunDeps,
  run: Delivery,
  candidate: CampaignCandidate,
): Promise<keyof CampaignTally> {
  const { shop, offer, now } = run;
  const endsAt =
    offer.type === "coupon" ? DateTime.fromJSDate(now).plus({ days: offer.validityDays }).toJSDate() : null;
  const send = await deps.sends.claim({
    shopId: shop.id,
    campaign: run.campaign,
    customerId: candidate.customerId,
    periodKey: candidate.periodKey,
    code: offer.type === "coupon" ? generateCouponCode(codePrefixes[run.campaign]) : null,
    codeEndsAt: endsAt,
    points: offer.type === "points" ? offer.points : null,
  });
  if (send.emailId !== null) return "alreadySent";
  const target = { shopId: shop.id, shopDomain: shop.domain, shopifyCustomerId: candidate.shopifyCustomerId, now };
  const outcome = await issueCampaignOffer(deps, send, offer, target);
  if (!outcome.ready) return "failed";
  const timeZone = shop.ianaTimezone ?? "UTC";
  const email = await deps.enqueueEmail({
    shopId: shop.id,
    kind: run.campaign,
    dedupeKey: `campaign:${candidate.periodKey}`,
    to: candidate.email,
    language: candidate.locale,
    promotional: true,
    customerId: candidate.customerId,
    data: {
      customer: { firstName: candidate.firstName },
      campaign: candidate.facts,
      offer: offerData(offer, send.code, send.codeEndsAt, timeZone),
    },
  });
  await deps.sends.markEmailed(send.id, email.id);
  return "queued";
}

async function deliverAll(deps: CampaignRunDeps, run: Delivery, candidates: CampaignCandidate[]) {
  const tally: CampaignTally = { queued: 0, alreadySent: 0, failed: 0 };
  for (const candidate of candidates) tally[await deliver(deps, run, candidate)] += 1;
  return tally;
}

/** Who each enabled campaign is due to reach as of `now`, before audience targeting. */
async function candidatesFor(deps: CampaignRunDeps, shop: CampaignShop, settings: CampaignSettings, now: Date) {
  const zone = shop.ianaTimezone ?? "UTC";
  const today = localNow(now, zone).toISODate() ?? "";
  const due: Partial<Record<CampaignName, () => Promise<CampaignCandidate[]>>> = {};
  if (settings.winback.enabled)
    due.winback = () => deps.audience.winback(shop.id, lapseCutoff(now, zone, settings.winback.days), zone, today);
  if (settings.birthday.enabled)
    due.birthday = () => deps.audience.birthday(shop.id, birthdayWindow(now, zone, settings.birthday.window));
  if (settings.anniversary.enabled)
    due.anniversary = () => deps.audience.anniversary(shop.id, anniversaryWindow(now, zone), zone);
  if (settings.replenishment.enabled)
    due.replenishment = () => deps.audience.replenishment(shop.id, settings.replenishment.products, zone, today);
  if (settings.expiring_coupon.enabled) {
    const until = DateTime.fromJSDate(now).plus({ days: settings.expiring_coupon.days }).toJSDate();
    due.expiring_coupon = () => deps.audience.expiringCoupons(shop.id, now, until, zone);
  }
  return due;
}

/** Idempotent: every send is keyed by customer and period, so reruns and restarts queue nothing twice. */
export async function runCampaigns(
  deps: CampaignRunDeps,
  shop: CampaignShop,
  settings: CampaignSettings,
  now: Date,
): Promise<CampaignRun> {
  const run: CampaignRun = {};
  const due = await candidatesFor(deps, shop, settings, now);
  for (const [name, find] of Object.entries(due) as [CampaignName, () => Promise<CampaignCandidate[]>][]) {
    const campaign = settings[name];
    const offer: CampaignOffer = "offer" in campaign ? campaign.offer : { type: "none" };
    const candidates =
      "target" in campaign
        ? await targetCandidates(deps.audience, shop.id, now, campaign.target, await find())
        : await find();
    run[name] = await deliverAll(deps, { shop, campaign: name, offer, now }, candidates);
  }
  return run;
}
