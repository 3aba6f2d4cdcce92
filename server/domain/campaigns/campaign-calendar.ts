// The days a campaign looks at, in the shop's time zone: lapse cut-off, birthday week or month, anniversary days.
import { DateTime } from "luxon";
import type { DayWindow } from "./campaign-audience-repository.js";

export function localNow(now: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return local.isValid ? local : DateTime.fromJSDate(now).setZone("UTC");
}

/** A last order before this moment means at least `days` whole local days without an order. */
export function lapseCutoff(now: Date, timeZone: string, days: number): Date {
  return localNow(now, timeZone)
    .startOf("day")
    .minus({ days: days - 1 })
    .toJSDate();
}

function windowOf(days: DateTime[]): DayWindow {
  const window: DayWindow = { mmdd: [], years: [] };
  for (const day of days) {
    window.mmdd.push(day.toFormat("MM-dd"));
    window.years.push(day.year);
    // 29 February outside a leap year is celebrated on the 28th.
    if (day.month === 2 && day.day === 28 && !day.isInLeapYear) {
      window.mmdd.push("02-29");
      window.years.push(day.year);
    }
  }
  return window;
}

function daysBetween(first: DateTime, last: DateTime): DateTime[] {
  const days: DateTime[] = [];
  for (let day = first.startOf("day"); day <= last; day = day.plus({ days: 1 })) days.push(day);
  return days;
}

/** The birthdays to greet today: every day of this ISO week (Monday to Sunday) or this calendar month. */
export function birthdayWindow(now: Date, timeZone: string, window: "week" | "month"): DayWindow {
  const today = localNow(now, timeZone);
  const unit = window === "week" ? "week" : "month";
  return windowOf(daysBetween(today.startOf(unit), today.endOf(unit)));
}

/** Anniversaries of the last seven days including today: a missed daily run still greets them, once a year. */
export function anniversaryWindow(now: Date, timeZone: string): DayWindow {
  const today = localNow(now, timeZone).startOf("day");
  return windowOf(daysBetween(today.minus({ days: 6 }), today));
}
