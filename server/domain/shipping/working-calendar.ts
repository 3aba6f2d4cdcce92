// A shop's working calendar: which dates are working days, and counting working days forward from a date.
import { DateTime } from "luxon";

export interface WorkingDays {
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  workingWeekdays: readonly number[];
  /** "YYYY-MM-DD" dates off, in the shop's time zone. */
  holidays: readonly string[];
}

/** Dates as calendar days: midnight UTC, so stepping a day never meets a DST change. */
export type CalendarDay = DateTime<true>;

/** More than enough steps to cross any year of holidays; a guard, not a rule. */
const MAX_STEPS = 5000;

export function calendarDay(isoDate: string): CalendarDay {
  const day = DateTime.fromISO(isoDate, { zone: "utc" });
  if (!day.isValid) throw new RangeError(`not a date: ${isoDate}`);
  return day;
}

export function isoDay(day: CalendarDay): string {
  return day.toISODate();
}

export function createWorkingCalendar(days: WorkingDays) {
  if (!days.workingWeekdays.some((weekday) => weekday >= 1 && weekday <= 7)) {
    // Validation refuses such settings; this keeps a bad row from looping forever.
    throw new RangeError("a working calendar needs at least one working weekday");
  }
  const weekdays = new Set(days.workingWeekdays);
  const holidays = new Set(days.holidays);
  const isWorkingDay = (day: CalendarDay): boolean => weekdays.has(day.weekday) && !holidays.has(isoDay(day));

  /** The first working day on or after `day`. */
  function onOrAfter(day: CalendarDay): CalendarDay {
    let current = day;
    for (let step = 0; !isWorkingDay(current); step += 1) {
      if (step > MAX_STEPS) throw new RangeError("no working day within reach: check the holidays");
      current = current.plus({ days: 1 });
    }
    return current;
  }

  /** The `count`-th working day after `day` (`day` itself when count is 0). */
  function addWorkingDays(day: CalendarDay, count: number): CalendarDay {
    let current = day;
    for (let added = 0; added < count; added += 1) current = onOrAfter(current.plus({ days: 1 }));
    return current;
  }

  return { isWorkingDay, onOrAfter, addWorkingDays };
}

export type WorkingCalendar = ReturnType<typeof createWorkingCalendar>;
