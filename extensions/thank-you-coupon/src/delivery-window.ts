// Reads the delivery window the backend sends with every coupon answer, and keeps the latest good one.
import type { CouponFetchResult } from "./coupon-view-state.js";

/** Calendar dates ("YYYY-MM-DD") in the shop's time zone. */
export interface DeliveryWindow {
  earliest: string;
  latest: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  // "2026-02-30" parses to 2 March: only a date that comes back unchanged is real.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The window in a 200 answer, or null when there is none or it is off-contract (the shopper sees nothing then). */
export function readDeliveryWindow(result: CouponFetchResult): DeliveryWindow | null {
  if (result.kind !== "response" || result.status !== 200) return null;
  const body = result.body;
  if (typeof body !== "object" || body === null || !("delivery" in body)) return null;
  const delivery: unknown = body.delivery;
  if (typeof delivery !== "object" || delivery === null) return null;
  const { earliest, latest } = delivery as Record<string, unknown>;
  if (!isCalendarDate(earliest) || !isCalendarDate(latest) || latest < earliest) return null;
  return { earliest, latest };
}

/** A later answer with a window replaces the shown one; an answer without one (or a failure) keeps it. */
export function nextDeliveryWindow(current: DeliveryWindow | null, result: CouponFetchResult): DeliveryWindow | null {
  return readDeliveryWindow(result) ?? current;
}

/** Noon UTC on the date: formatted with timeZone UTC it is that calendar day for every buyer. */
export function deliveryDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
