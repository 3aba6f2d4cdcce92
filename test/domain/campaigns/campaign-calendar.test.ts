import { DateTime } from "luxon";
import { anniversaryWindow, birthdayWindow, lapseCutoff } from "../../../server/domain/campaigns/campaign-calendar.js";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const pairs = (window: { mmdd: string[]; years: number[] }) => window.mmdd.map((day, i) => `${window.years[i]}-${day}`);

describe("campaign calendar in the shop's time zone", () => {
  test("a lapse of N days counts whole local days: the cut-off is the start of the local day N-1 days back", () => {
    // 00:30 on 15 June in Jakarta is still 14 June in UTC: the shop's day decides.
    const cutoff = lapseCutoff(at("2027-06-15T00:30:00", "Asia/Jakarta"), "Asia/Jakarta", 90);
    expect(DateTime.fromJSDate(cutoff).setZone("Asia/Jakarta").toISO()).toBe("2027-03-18T00:00:00.000+07:00");
  });

  test("birthday month: every day of the local month, 29 February on the 28th of a common year", () => {
    const february = pairs(birthdayWindow(at("2027-02-10T12:00:00", "Asia/Manila"), "Asia/Manila", "month"));
    expect(february).toHaveLength(29);
    expect(february.slice(-2)).toEqual(["2027-02-28", "2027-02-29"]);
    const leap = pairs(birthdayWindow(at("2028-02-10T12:00:00", "Asia/Manila"), "Asia/Manila", "month"));
    expect(leap).toHaveLength(29);
    expect(leap.at(-1)).toBe("2028-02-29");
  });

  test("birthday week: Monday to Sunday, each day with the year it falls in across New Year", () => {
    // Thursday 30 December 2027: the ISO week runs Monday 27 December to Sunday 2 January.
    const week = pairs(birthdayWindow(at("2027-12-30T09:00:00", "Asia/Jakarta"), "Asia/Jakarta", "week"));
    expect(week).toEqual([
      "2027-12-27",
      "2027-12-28",
      "2027-12-29",
      "2027-12-30",
      "2027-12-31",
      "2028-01-01",
      "2028-01-02",
    ]);
  });

  test("anniversary window: the last seven local days, so a missed run still greets once", () => {
    const window = pairs(anniversaryWindow(at("2027-03-02T08:00:00", "Asia/Jakarta"), "Asia/Jakarta"));
    expect(window).toEqual([
      "2027-02-24",
      "2027-02-25",
      "2027-02-26",
      "2027-02-27",
      "2027-02-28",
      "2027-02-29",
      "2027-03-01",
      "2027-03-02",
    ]);
  });
});
