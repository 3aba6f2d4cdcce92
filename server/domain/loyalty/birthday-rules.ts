// Birthdays: "MM-DD" validation, the day it is celebrated in a given year, and the rule against earning twice.

const birthdayPattern = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Accepts "MM-DD" or "YYYY-MM-DD" (the year is dropped); null when it is no calendar day. */
export function parseBirthday(input: string): string | null {
  const monthDay = /^\d{4}-\d{2}-\d{2}$/.test(input) ? input.slice(5) : input;
  const match = birthdayPattern.exec(monthDay);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return day <= (daysInMonth[month - 1] ?? 0) ? monthDay : null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 29 February is celebrated on 28 February in years without one (still in February, before the day is gone). */
export function celebratedOn(birthday: string, year: number): string {
  const monthDay = birthday === "02-29" && !isLeapYear(year) ? "02-28" : birthday;
  return `${year}-${monthDay}`;
}

/** The calendar date ("YYYY-MM-DD") at this instant in the shop's time zone. */
export function localDate(now: Date, timeZone: string | null): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timeZone ?? "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export const birthdayChangeCooldownDays = 30;

export type BirthdayDecision = { award: true; key: string } | { award: false; reason: string };

/**
 * Today's birthday earns once per year (the key), and not at all when the birthday was changed in the last 30 days
 * or the last birthday award is under 30 days old: moving the date cannot earn twice.
 */
export function birthdayDecision(input: {
  customerId: number;
  birthday: string;
  today: string;
  changedAt: Date | null;
  lastAwardAt: Date | null;
  now: Date;
}): BirthdayDecision {
  const year = Number(input.today.slice(0, 4));
  if (celebratedOn(input.birthday, year) !== input.today) return { award: false, reason: "not today" };
  const cooldownMs = birthdayChangeCooldownDays * 24 * 3600 * 1000;
  if (input.changedAt && input.now.getTime() - input.changedAt.getTime() < cooldownMs) {
    return { award: false, reason: "birthday changed in the last 30 days" };
  }
  if (input.lastAwardAt && input.now.getTime() - input.lastAwardAt.getTime() < cooldownMs) {
    return { award: false, reason: "birthday points already earned in the last 30 days" };
  }
  return { award: true, key: `birthday:${input.customerId}:${year}` };
}
