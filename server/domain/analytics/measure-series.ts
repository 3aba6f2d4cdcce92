// A measure month by month (its trend line): the same pure function applied to each calendar month's counts.
import type { MeasureResult } from "./measure-result.js";
import type { PeriodMonth } from "./period-sql.js";

/** One month of a series: the month's first and last day inside the period, and the measure for those days alone. */
export interface SeriesPoint {
  month: string;
  from: string;
  to: string;
  value: number | string | null;
  reason?: string;
  parts: object;
}

export function seriesPoint(month: PeriodMonth, result: MeasureResult<object>): SeriesPoint {
  const point: SeriesPoint = {
    month: month.month,
    from: month.from,
    to: month.to,
    value: result.value,
    parts: result.parts,
  };
  if (result.reason !== undefined) point.reason = result.reason;
  return point;
}

export function seriesOf<Counts>(
  months: readonly (PeriodMonth & { counts: Counts })[],
  measure: (counts: Counts) => MeasureResult<object>,
): SeriesPoint[] {
  return months.map((month) => seriesPoint(month, measure(month.counts)));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM" as the days of that month inside [from, to] (both "YYYY-MM-DD"). */
export function monthWithin(month: string, from: string, to: string): PeriodMonth {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${pad(lastDay)}`;
  return { month, from: first < from ? from : first, to: last > to ? to : last };
}
