// The delivery window: when an order ships and the dates between which it arrives, in the shop's time zone.
import { DateTime, IANAZone } from "luxon";
import { defaultTransitRule, type ShippingSettings, type TransitRule } from "./shipping-settings.js";
import {
  calendarDay,
  createWorkingCalendar,
  isoDay,
  type CalendarDay,
  type WorkingCalendar,
} from "./working-calendar.js";

/** "YYYY-MM-DD" dates in the shop's time zone. */
export interface DeliveryWindow {
  /** The day the order ships (from an order: the latest it should; from a shipment: the day it did). */
  shipBy: string;
  earliest: string;
  latest: string;
}

export interface ShipmentDestination {
  /** ISO 3166 alpha-2 of the shipping address. */
  countryCode?: string | null;
  /** The shipping line's title as checkout showed it. */
  shippingMethod?: string | null;
}

export interface EstimateDeliveryInput extends ShipmentDestination {
  orderedAt: Date;
  /** The shop's IANA time zone (see `shopTimeZone`). */
  timeZone: string;
  settings: ShippingSettings;
}

export interface EstimateFromShipmentInput extends ShipmentDestination {
  shippedAt: Date;
  timeZone: string;
  settings: ShippingSettings;
}

/** The shop's zone when Shopify gave a real IANA name, else UTC: a window a few hours off beats none. */
export function shopTimeZone(ianaTimezone: string | null | undefined): string {
  return ianaTimezone && IANAZone.isValidZone(ianaTimezone) ? ianaTimezone : "UTC";
}

/** The first row whose countries and methods both take the order (an empty list takes anything), else the default. */
export function chooseTransitRule(rules: readonly TransitRule[], destination: ShipmentDestination): TransitRule {
  const country = destination.countryCode?.trim().toUpperCase() ?? "";
  const method = destination.shippingMethod?.trim().toLowerCase() ?? "";
  const found = rules.find(
    (rule) =>
      (rule.countryCodes.length === 0 || rule.countryCodes.includes(country)) &&
      (rule.shippingMethods.length === 0 ||
        rule.shippingMethods.some((title) => title.trim().toLowerCase() === method)),
  );
  return found ?? defaultTransitRule;
}

/** The calendar day an instant falls on in the zone, and its hour there. */
function localDay(instant: Date, timeZone: string): { day: CalendarDay; hour: number } {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`cannot place ${instant.toISOString()} in time zone ${timeZone}`);
  return { day: calendarDay(local.toISODate()), hour: local.hour };
}

/**
 * Transit from the ship date: with `transitOnWorkingDaysOnly` the n-th working day after it (and never a day off,
 * even for 0 days), otherwise n calendar days after it, for carriers that deliver on weekends and holidays.
 */
function transitWindow(
  shipDay: CalendarDay,
  rule: TransitRule,
  settings: ShippingSettings,
  calendar: WorkingCalendar,
): { earliest: string; latest: string } {
  const arrive = (days: number): CalendarDay =>
    settings.transitOnWorkingDaysOnly
      ? calendar.onOrAfter(calendar.addWorkingDays(shipDay, days))
      : shipDay.plus({ days });
  return { earliest: isoDay(arrive(rule.minDays)), latest: isoDay(arrive(rule.maxDays)) };
}

/**
 * From the order time: an order placed at or after the cut-off hour (shop time), or on a day off, counts from the
 * next working day; processing takes `processingDays` working days after that day (0 ships on it); then transit.
 */
export function estimateDelivery(input: EstimateDeliveryInput): DeliveryWindow {
  const { settings } = input;
  const calendar = createWorkingCalendar(settings);
  const ordered = localDay(input.orderedAt, input.timeZone);
  const afterCutoff = ordered.hour >= settings.cutoffHour;
  const countsFrom = calendar.onOrAfter(afterCutoff ? ordered.day.plus({ days: 1 }) : ordered.day);
  const shipBy = calendar.addWorkingDays(countsFrom, settings.processingDays);
  const rule = chooseTransitRule(settings.transit, input);
  return { shipBy: isoDay(shipBy), ...transitWindow(shipBy, rule, settings, calendar) };
}

/** From the actual ship (fulfillment) time: the ship date is a fact, so only transit remains to estimate. */
export function estimateDeliveryFromShipment(input: EstimateFromShipmentInput): DeliveryWindow {
  const calendar = createWorkingCalendar(input.settings);
  const shipped = localDay(input.shippedAt, input.timeZone);
  const rule = chooseTransitRule(input.settings.transit, input);
  return { shipBy: isoDay(shipped.day), ...transitWindow(shipped.day, rule, input.settings, calendar) };
}
