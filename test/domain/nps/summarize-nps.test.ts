import { categoryOf, monthsBetween, summarizeNps } from "../../../server/domain/nps/summarize-nps.js";

describe("summarizeNps", () => {
  test("score boundaries: 0-6 detractors, 7-8 passives, 9-10 promoters", () => {
    expect([0, 6, 7, 8, 9, 10].map(categoryOf)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });

  test("worked example: 5 promoters, 3 passives, 2 detractors of 10 is 50% - 20% = 30", () => {
    const rows = [
      { month: "2026-10", score: 10, count: 3 },
      { month: "2026-10", score: 9, count: 2 },
      { month: "2026-10", score: 8, count: 2 },
      { month: "2026-10", score: 7, count: 1 },
      { month: "2026-10", score: 6, count: 1 },
      { month: "2026-10", score: 0, count: 1 },
    ];
    expect(summarizeNps(rows, ["2026-10"])).toEqual({
      score: 30,
      promoters: 5,
      passives: 3,
      detractors: 2,
      responses: 10,
      byMonth: [{ month: "2026-10", score: 30, responses: 10 }],
    });
  });

  test("by month, with a month nobody answered: thirds round to one decimal", () => {
    // September: 1 promoter, 2 detractors of 3 = 33.3% - 66.7% = -33.3.
    // November: 2 promoters, 1 passive of 3 = 66.7% - 0% = 66.7. Overall 3 promoters, 2 detractors of 6 = 16.7.
    const rows = [
      { month: "2026-09", score: 9, count: 1 },
      { month: "2026-09", score: 3, count: 2 },
      { month: "2026-11", score: 10, count: 2 },
      { month: "2026-11", score: 7, count: 1 },
    ];
    const summary = summarizeNps(rows, ["2026-09", "2026-10", "2026-11"]);
    expect(summary.score).toBe(16.7);
    expect(summary.byMonth).toEqual([
      { month: "2026-09", score: -33.3, responses: 3 },
      { month: "2026-10", score: null, responses: 0 },
      { month: "2026-11", score: 66.7, responses: 3 },
    ]);
  });

  test("an empty period has no score (null), not a score of zero", () => {
    expect(summarizeNps([], ["2026-01"])).toEqual({
      score: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      responses: 0,
      byMonth: [{ month: "2026-01", score: null, responses: 0 }],
    });
  });

  test("all detractors is -100, all promoters is 100", () => {
    expect(summarizeNps([{ month: "2026-01", score: 2, count: 4 }], []).score).toBe(-100);
    expect(summarizeNps([{ month: "2026-01", score: 9, count: 1 }], []).score).toBe(100);
  });
});

describe("monthsBetween", () => {
  test("crosses a year end and includes both ends", () => {
    expect(monthsBetween("2025-11-30", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
  test("one day is one month", () => {
    expect(monthsBetween("2026-03-05", "2026-03-05")).toEqual(["2026-03"]);
  });
});
