// Completes an email's data when it is sent, not when the event arrives: the thank-you coupon and the window.
import { attachCoupon, type CouponLookup, type PreparedData } from "./attach-coupon.js";
import type { DeliveryWindowSource } from "./delivery-window-source.js";

export interface PrepareDeps {
  coupons: CouponLookup;
  deliveryWindow: DeliveryWindowSource;
  /** The survey's answer links, signed now: they expire a fixed time after the email is sent. */
  surveyLinks: (
    order: { shopId: number; shopifyOrderId: bigint; language: string },
    sentAt: Date,
  ) => { score: number; url: string }[];
  /** The language the order's emails are written in; null while its order webhook has not been recorded. */
  orderLanguage: (shopId: number, shopifyOrderId: bigint) => Promise<string | null>;
}

/** A fulfillment seen before its guest's order waits this long for the order (and its language) at most. */
export const orderLanguageWaitMs = 2 * 60 * 1000;
const orderLanguageRecheckMs = 2000;

interface PreparingEmail {
  shopId: number;
  kind: string;
  language: string;
  shopifyOrderId: string | null;
  data: unknown;
  createdAt: Date;
}

/** A survey row carries `survey: {}`; its links are made as it is rendered, the first time it is claimed. */
function withSurveyLinks(deps: PrepareDeps, email: PreparingEmail, data: Record<string, unknown>, now: Date) {
  if (email.kind !== "nps_survey" || email.shopifyOrderId === null) return data;
  const order = { shopId: email.shopId, shopifyOrderId: BigInt(email.shopifyOrderId), language: email.language };
  const survey = typeof data.survey === "object" && data.survey !== null ? data.survey : {};
  return { ...data, survey: { ...survey, links: deps.surveyLinks(order, now) } };
}

interface WindowFrom {
  orderedAt: string;
  countryCode: string | null;
  shippingMethod: string | null;
  shippedAt?: string;
}

function windowFromOf(data: Record<string, unknown>): WindowFrom | null {
  const from = data.windowFrom;
  if (typeof from !== "object" || from === null || !("orderedAt" in from)) return null;
  return from as WindowFrom;
}

/** For a row marked languageFromOrder: the order's language, a wait while its webhook is on the way, or null. */
async function orderLanguageOf(deps: PrepareDeps, email: PreparingEmail, data: Record<string, unknown>, now: Date) {
  if (data.languageFromOrder !== true || email.shopifyOrderId === null) return null;
  const language = await deps.orderLanguage(email.shopId, BigInt(email.shopifyOrderId));
  if (language !== null || now.getTime() - email.createdAt.getTime() >= orderLanguageWaitMs) return language;
  const retryAt = new Date(now.getTime() + orderLanguageRecheckMs);
  return { ready: false as const, retryAt, reason: "waiting for the order's webhook (its language)" };
}

/** The estimate runs once per email at send time, so duplicate webhooks cost nothing and the settings are current. */
export async function prepareEmailData(
  deps: PrepareDeps,
  email: PreparingEmail,
  now = new Date(),
): Promise<PreparedData> {
  const withCoupon = await attachCoupon(deps.coupons, email);
  if (!withCoupon.ready) return withCoupon;
  const data = withSurveyLinks(deps, email, withCoupon.data as Record<string, unknown>, now);
  const language = await orderLanguageOf(deps, email, data, now);
  if (language && typeof language !== "string") return language;
  const from = windowFromOf(data);
  if (!from) return { ready: true, data, ...(language ? { language } : {}) };
  const window = await deps.deliveryWindow(email.shopId, {
    orderedAt: new Date(from.orderedAt),
    countryCode: from.countryCode,
    shippingMethod: from.shippingMethod,
    shippedAt: from.shippedAt ? new Date(from.shippedAt) : undefined,
  });
  return { ready: true, data: { ...data, window }, ...(language ? { language } : {}) };
}
