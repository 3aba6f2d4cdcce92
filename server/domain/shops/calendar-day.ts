// The calendar day of a moment in a shop's time zone, for "today" in reports and delivery windows.

/** "YYYY-MM-DD" of `at` as a calendar in `timeZone` reads it. */
export function calendarDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
