// "Arrives between Tue 3 Dec and Thu 5 Dec", in the buyer's language and date style.
import type { CouponI18n } from "./describe-coupon.js";
import { deliveryDate, type DeliveryWindow } from "./delivery-window.js";

/** Weekday and date without the year: the window is days away, so the year adds nothing. */
const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };

export function describeDelivery(window: DeliveryWindow, i18n: CouponI18n): string {
  const format = (date: string): string => i18n.formatDate(deliveryDate(date), DAY_FORMAT);
  if (window.earliest === window.latest) return i18n.translate("delivery.on", { date: format(window.earliest) });
  return i18n.translate("delivery.between", { earliest: format(window.earliest), latest: format(window.latest) });
}
