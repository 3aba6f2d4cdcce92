// GET /api/nps's answer: the score for a period of calendar days in the shop's time zone, and month by month.
import { z } from "zod";
import { calendarDay } from "../shops/calendar-day.js";
import type { NpsResponseRepository } from "./nps-response-repository.js";
import { monthsBetween, summarizeNps, type NpsSummary } from "./summarize-nps.js";

const day = z.iso.date({ message: "must be a date such as 2026-11-25" });

/** Both ends optional: the default is the last twelve months up to today. At most ten years, so a chart stays small. */
export const npsPeriodSchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    message: "must not be after to",
    path: ["from"],
  })
  .refine((period) => !period.from || !period.to || monthsBetween(period.from, period.to).length <= 120, {
    message: "the period can be at most ten years",
    path: ["from"],
  });

export type NpsPeriod = z.infer<typeof npsPeriodSchema>;

/** The first day of the month eleven months before `to`'s month: twelve whole months ending with `to`'s. */
function twelveMonthsBefore(to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const startMonth = (month % 12) + 1;
  const startYear = month === 12 ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, "0")}-01`;
}

export interface NpsReport extends NpsSummary {
  from: string;
  to: string;
}

export async function npsReport(
  responses: NpsResponseRepository,
  shop: { id: number; ianaTimezone: string | null },
  period: NpsPeriod,
  now: Date,
): Promise<NpsReport> {
  const timeZone = shop.ianaTimezone ?? "UTC";
  const to = period.to ?? calendarDay(now, timeZone);
  const from = period.from ?? twelveMonthsBefore(to);
  const counts = await responses.scoreCounts(shop.id, from, to, timeZone);
  return { from, to, ...summarizeNps(counts, monthsBetween(from, to)) };
}
