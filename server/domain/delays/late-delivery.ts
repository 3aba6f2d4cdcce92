// Whether an order's delivery window has passed, by the calendar of the shop's time zone.
import type { ShippingEstimates } from "../shipping/shipping-estimates.js";
import { calendarDay } from "../shops/calendar-day.js";
import type { DeliveryWindowDays, LateOrderCandidate } from "./late-order-repository.js";

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Late from the first day after the window's last day. Past the horizon it is no longer news: an apology weeks
 * after the promise (an order from before a carrier reported anything, a backlog) helps nobody, so none is sent.
 */
export function lateness(
  window: DeliveryWindowDays,
  now: Date,
  timeZone: string,
  horizonDays: number,
): "on_time" | "late" | "past_horizon" {
  const today = calendarDay(now, timeZone);
  if (today <= window.latest) return "on_time";
  return today <= addDays(window.latest, horizonDays) ? "late" : "past_horizon";
}

/** The promise that counts: once shipped, the window from the ship date (as the shipped email said); else the order's. */
export async function windowForCandidate(
  shipping: Pick<ShippingEstimates, "estimateForOrder" | "estimateForShipment">,
  order: LateOrderCandidate,
): Promise<DeliveryWindowDays | null> {
  const destination = { countryCode: order.countryCode, shippingMethod: order.shippingMethod };
  if (!destination.countryCode && !destination.shippingMethod) return null;
  if (order.shippedAt)
    return shipping.estimateForShipment(order.shopId, { ...destination, shippedAt: order.shippedAt });
  return shipping.estimateForOrder(order.shopId, { ...destination, createdAt: order.placedAt });
}
