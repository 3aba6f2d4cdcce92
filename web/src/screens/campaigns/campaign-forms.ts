// The campaigns form: the API's settings with every number as the text a field holds, and back.
import type { CampaignOffer, CampaignSettings, CampaignTarget, ReplenishmentProduct } from "../../api/campaign-types";

export type CouponKind = "percentage" | "fixed_amount" | "free_shipping";

/** Every offer field at once, so switching the type keeps what was typed for the others. */
export interface OfferForm {
  type: CampaignOffer["type"];
  kind: CouponKind;
  value: string;
  validityDays: string;
  points: string;
}

export interface ProductRow {
  productId: string;
  variantId: string;
  title: string;
  days: string;
}

export interface CampaignsForm {
  winback: { enabled: boolean; days: string; offer: OfferForm; target: CampaignTarget };
  birthday: { enabled: boolean; window: "week" | "month"; offer: OfferForm; target: CampaignTarget };
  anniversary: { enabled: boolean; offer: OfferForm; target: CampaignTarget };
  replenishment: { enabled: boolean; products: ProductRow[]; offer: OfferForm; target: CampaignTarget };
  expiring_coupon: { enabled: boolean; days: string };
}

/** Text that is not a whole number goes to the server as -1, which it refuses with the field's own message. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : -1);

function toOffer(offer: CampaignOffer): OfferForm {
  const form: OfferForm = { type: offer.type, kind: "percentage", value: "10", validityDays: "30", points: "100" };
  if (offer.type === "coupon") {
    return { ...form, kind: offer.kind, value: offer.value, validityDays: String(offer.validityDays) };
  }
  if (offer.type === "points") return { ...form, points: String(offer.points) };
  return form;
}

function fromOffer(form: OfferForm): CampaignOffer {
  if (form.type === "coupon") {
    // Free shipping has no amount; the server still wants a well-formed value.
    const value = form.kind === "free_shipping" ? "0" : form.value.trim();
    return { type: "coupon", kind: form.kind, value, validityDays: whole(form.validityDays) };
  }
  if (form.type === "points") return { type: "points", points: whole(form.points) };
  return { type: "none" };
}

const toProduct = (product: ReplenishmentProduct): ProductRow => ({
  productId: product.productId,
  variantId: product.variantId ?? "",
  title: product.title ?? "",
  days: String(product.days),
});

const fromProduct = (row: ProductRow): ReplenishmentProduct => ({
  productId: row.productId.trim(),
  variantId: row.variantId.trim() || null,
  title: row.title.trim() || null,
  days: whole(row.days),
});

export function toCampaignsForm(settings: CampaignSettings): CampaignsForm {
  const { winback, birthday, anniversary, replenishment, expiring_coupon } = settings;
  return {
    winback: { ...winback, days: String(winback.days), offer: toOffer(winback.offer) },
    birthday: { ...birthday, offer: toOffer(birthday.offer) },
    anniversary: { ...anniversary, offer: toOffer(anniversary.offer) },
    replenishment: {
      ...replenishment,
      products: replenishment.products.map(toProduct),
      offer: toOffer(replenishment.offer),
    },
    expiring_coupon: { ...expiring_coupon, days: String(expiring_coupon.days) },
  };
}

export function fromCampaignsForm(form: CampaignsForm): CampaignSettings {
  const { winback, birthday, anniversary, replenishment, expiring_coupon } = form;
  return {
    winback: { ...winback, days: whole(winback.days), offer: fromOffer(winback.offer) },
    birthday: { ...birthday, offer: fromOffer(birthday.offer) },
    anniversary: { ...anniversary, offer: fromOffer(anniversary.offer) },
    replenishment: {
      ...replenishment,
      products: replenishment.products.map(fromProduct),
      offer: fromOffer(replenishment.offer),
    },
    expiring_coupon: { ...expiring_coupon, days: whole(expiring_coupon.days) },
  };
}

/** The first server message for a field or anything under it ("winback.offer.value", "replenishment.products.0"). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
