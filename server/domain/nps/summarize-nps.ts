// Net Promoter Score from survey answers: % promoters (9-10) minus % detractors (0-6), overall and per month.

/** How many orders answered `score` in `month` ("YYYY-MM" in the shop's time zone, when first answered). */
export interface NpsScoreCount {
  month: string;
  score: number;
  count: number;
}

export interface NpsMonth {
  month: string;
  score: number | null;
  responses: number;
}

export interface NpsSummary {
  /** -100..100 with one decimal; null when nobody answered (there is no score, not a score of 0). */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  byMonth: NpsMonth[];
}

export type NpsCategory = "promoter" | "passive" | "detractor";

export function categoryOf(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

function scoreOf(promoters: number, detractors: number, responses: number): number | null {
  if (responses === 0) return null;
  return Math.round(((promoters - detractors) * 1000) / responses) / 10;
}

function tally(rows: readonly NpsScoreCount[]) {
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const row of rows) counts[categoryOf(row.score)] += row.count;
  return counts;
}

/** Months with no answers are listed too (with a null score), so a chart has no gaps; months are given by the caller. */
export function summarizeNps(rows: readonly NpsScoreCount[], months: readonly string[]): NpsSummary {
  const counts = tally(rows);
  const responses = counts.promoter + counts.passive + counts.detractor;
  const byMonth = months.map((month) => {
    const inMonth = tally(rows.filter((row) => row.month === month));
    const responses = inMonth.promoter + inMonth.passive + inMonth.detractor;
    return { month, score: scoreOf(inMonth.promoter, inMonth.detractor, responses), responses };
  });
  return {
    score: scoreOf(counts.promoter, counts.detractor, responses),
    promoters: counts.promoter,
    passives: counts.passive,
    detractors: counts.detractor,
    responses,
    byMonth,
  };
}

/** Every "YYYY-MM" from the month of `from` to the month of `to` ("YYYY-MM-DD" dates), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (label > last) return months;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
