// The dashboard's period: a preset or a custom range, kept in the URL (?period=&from=&to=) so a view can be shared.

export const periodPresets = ["last30", "last90", "last12Months", "thisYear", "lastMonth", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface DashboardPeriod {
  preset: PeriodPreset;
  /** YYYY-MM-DD, days in the shop's time zone; both empty for the server's default (the last twelve months). */
  from: string;
  to: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the shop's time zone as YYYY-MM-DD (en-CA writes dates that way). */
export function todayIn(timeZone: string | null | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timeZone ?? "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function presetRange(preset: Exclude<PeriodPreset, "custom">, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case "last30":
      return { from: shiftDays(today, -29), to: today };
    case "last90":
      return { from: shiftDays(today, -89), to: today };
    case "thisYear":
      return { from: `${year}-01-01`, to: today };
    case "lastMonth": {
      const firstOfThisMonth = `${today.slice(0, 7)}-01`;
      const lastOfPrevious = shiftDays(firstOfThisMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
    }
    case "last12Months":
      // The server's default: the twelve whole months up to today (this month included).
      return { from: `${month === 12 ? year : year - 1}-${String((month % 12) + 1).padStart(2, "0")}-01`, to: today };
  }
}

export function periodOf(params: URLSearchParams, timeZone: string | null | undefined): DashboardPeriod {
  const asked = params.get("period");
  const preset = (periodPresets as readonly string[]).includes(asked ?? "") ? (asked as PeriodPreset) : null;
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  if (preset === "custom" || (!preset && (isoDay.test(from) || isoDay.test(to)))) return { preset: "custom", from, to };
  const chosen = preset ?? "last12Months";
  return { preset: chosen, ...presetRange(chosen, todayIn(timeZone)) };
}

export function paramsOf(period: DashboardPeriod): Record<string, string> {
  if (period.preset !== "custom") return { period: period.preset };
  return { period: "custom", from: period.from, to: period.to };
}

/** The API's query: from and to when set (the server checks them and answers 422 per field). */
export function periodQuery(period: DashboardPeriod, language: string): string {
  const query = new URLSearchParams({ language });
  if (period.from) query.set("from", period.from);
  if (period.to) query.set("to", period.to);
  return query.toString();
}

export function withPreset(preset: PeriodPreset, current: DashboardPeriod, timeZone: string | null | undefined) {
  if (preset === "custom") return { ...current, preset };
  return { preset, ...presetRange(preset, todayIn(timeZone)) };
}
