import {
  chooseTransitRule,
  estimateDelivery,
  estimateDeliveryFromShipment,
  shopTimeZone,
} from "../../../server/domain/shipping/estimate-delivery.js";
import {
  defaultShippingSettings,
  defaultTransitRule,
  type ShippingSettings,
  type TransitRule,
} from "../../../server/domain/shipping/shipping-settings.js";

// Defaults unless a test says otherwise: cut-off 14:00, 1 processing day, Monday to Friday, transit 2-5 working days.
const settings = (overrides: Partial<ShippingSettings> = {}): ShippingSettings => ({
  ...defaultShippingSettings,
  ...overrides,
});

const estimate = (orderedAt: string, timeZone: string, overrides: Partial<ShippingSettings> = {}, dest = {}) =>
  estimateDelivery({ orderedAt: new Date(orderedAt), timeZone, settings: settings(overrides), ...dest });

describe("estimateDelivery: cut-off, processing and transit on working days", () => {
  it("an order before the cut-off counts from that day (Tue 1 Dec 13:59 New York)", () => {
    // Counts from Tue 1; ships one working day later, Wed 2; transit 2 working days -> Fri 4,
    // 5 working days -> Thu 3, Fri 4, Mon 7, Tue 8, Wed 9.
    expect(estimate("2026-12-01T18:59:00Z", "America/New_York")).toEqual({
      shipBy: "2026-12-02",
      earliest: "2026-12-04",
      latest: "2026-12-09",
    });
  });

  it("an order at the cut-off minute counts from the next working day (Tue 1 Dec 14:00 New York)", () => {
    // Counts from Wed 2; ships Thu 3; +2 working days: Fri 4, Mon 7; +5: ..., Thu 10.
    expect(estimate("2026-12-01T19:00:00Z", "America/New_York")).toEqual({
      shipBy: "2026-12-03",
      earliest: "2026-12-07",
      latest: "2026-12-10",
    });
  });

  it("a Friday evening order counts from Monday, and transit skips the weekend", () => {
    // Fri 4 Dec 18:00 EST counts from Mon 7; ships Tue 8; +2: Wed 9, Thu 10; +5: ..., Fri 11, Mon 14, Tue 15.
    expect(estimate("2026-12-04T23:00:00Z", "America/New_York")).toEqual({
      shipBy: "2026-12-08",
      earliest: "2026-12-10",
      latest: "2026-12-15",
    });
  });

  it.each([
    ["Saturday morning", "2026-12-05T15:00:00Z"],
    ["Sunday night", "2026-12-07T04:59:00Z"],
  ])("a %s order counts from Monday like Friday evening's", (_when, orderedAt) => {
    expect(estimate(orderedAt, "America/New_York")).toEqual({
      shipBy: "2026-12-08",
      earliest: "2026-12-10",
      latest: "2026-12-15",
    });
  });

  it("holidays across the window: nothing is packed, shipped or delivered on them", () => {
    const holidays = ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"];
    // Wed 23 Dec 10:00 counts from Wed 23; Thu 24 and Fri 25 are off, then the weekend: ships Mon 28.
    // +2: Tue 29, Wed 30. +5: Tue 29, Wed 30, (Thu 31 and Fri 1 off), Mon 4, Tue 5, Wed 6.
    expect(estimate("2026-12-23T15:00:00Z", "America/New_York", { holidays })).toEqual({
      shipBy: "2026-12-28",
      earliest: "2026-12-30",
      latest: "2027-01-06",
    });
  });

  it("an order placed on a holiday counts from the next working day", () => {
    // Thu 24 Dec 09:00 is a holiday, Fri 25 too: counts from Mon 28, ships Tue 29.
    const window = estimate("2026-12-24T14:00:00Z", "America/New_York", { holidays: ["2026-12-24", "2026-12-25"] });
    expect(window.shipBy).toBe("2026-12-29");
  });

  it("year end: New Year's Eve after the cut-off, with and without New Year's Day off", () => {
    // Thu 31 Dec 15:00 counts from Fri 1 Jan; ships Mon 4; +2: Tue 5, Wed 6; +5: ..., Fri 8, Mon 11.
    expect(estimate("2026-12-31T20:00:00Z", "America/New_York")).toEqual({
      shipBy: "2027-01-04",
      earliest: "2027-01-06",
      latest: "2027-01-11",
    });
    // With 1 Jan off it counts from Mon 4 and everything moves a working day.
    expect(estimate("2026-12-31T20:00:00Z", "America/New_York", { holidays: ["2027-01-01"] })).toEqual({
      shipBy: "2027-01-05",
      earliest: "2027-01-07",
      latest: "2027-01-12",
    });
  });

  it("leap day: Monday 28 Feb 2028 ships on Tuesday 29 Feb", () => {
    // +2: Wed 1 Mar, Thu 2 Mar; +5: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7.
    expect(estimate("2028-02-28T09:00:00Z", "UTC")).toEqual({
      shipBy: "2028-02-29",
      earliest: "2028-03-02",
      latest: "2028-03-07",
    });
    // And an order on the leap day itself after the cut-off counts from Wed 1 Mar, ships Thu 2 Mar.
    expect(estimate("2028-02-29T16:00:00Z", "UTC").shipBy).toBe("2028-03-02");
  });

  it("processing 0 ships on the day the order counts from; 3 days waits three working days", () => {
    expect(estimate("2026-12-01T15:00:00Z", "America/New_York", { processingDays: 0 }).shipBy).toBe("2026-12-01");
    // Counts from Tue 1: Wed 2, Thu 3, Fri 4.
    expect(estimate("2026-12-01T15:00:00Z", "America/New_York", { processingDays: 3 }).shipBy).toBe("2026-12-04");
    // Counts from Thu 3: Fri 4, Mon 7, Tue 8.
    expect(estimate("2026-12-03T15:00:00Z", "America/New_York", { processingDays: 3 }).shipBy).toBe("2026-12-08");
  });

  it("cut-off hour 0 sends every order to the next working day; 24 keeps every order on its day", () => {
    expect(estimate("2026-12-01T05:00:00Z", "America/New_York", { cutoffHour: 0 }).shipBy).toBe("2026-12-03");
    expect(estimate("2026-12-02T04:59:00Z", "America/New_York", { cutoffHour: 24 }).shipBy).toBe("2026-12-02");
  });

  it("a shop working Monday to Saturday packs and delivers on Saturdays", () => {
    // Asia/Jakarta, Fri 4 Dec 15:00 WIB: counts from Sat 5, ships Mon 7 (Sunday off);
    // +2: Tue 8, Wed 9; +5: Tue 8, Wed 9, Thu 10, Fri 11, Sat 12.
    expect(estimate("2026-12-04T08:00:00Z", "Asia/Jakarta", { workingWeekdays: [1, 2, 3, 4, 5, 6] })).toEqual({
      shipBy: "2026-12-07",
      earliest: "2026-12-09",
      latest: "2026-12-12",
    });
  });

  it("transit on calendar days when carriers deliver every day", () => {
    const calendarTransit = {
      processingDays: 0,
      transitOnWorkingDaysOnly: false,
      transit: [{ ...defaultTransitRule, minDays: 1, maxDays: 3 }],
    };
    // Fri 4 Dec 10:00 ships that day; Sat 5 to Mon 7 counting every day.
    expect(estimate("2026-12-04T15:00:00Z", "America/New_York", calendarTransit)).toEqual({
      shipBy: "2026-12-04",
      earliest: "2026-12-05",
      latest: "2026-12-07",
    });
    // The same order with working-day transit: Mon 7 to Wed 9.
    expect(
      estimate("2026-12-04T15:00:00Z", "America/New_York", { ...calendarTransit, transitOnWorkingDaysOnly: true }),
    ).toEqual({ shipBy: "2026-12-04", earliest: "2026-12-07", latest: "2026-12-09" });
  });

  it("zero transit days arrive the day it ships", () => {
    const window = estimate("2026-12-01T15:00:00Z", "America/New_York", {
      transit: [{ ...defaultTransitRule, minDays: 0, maxDays: 1 }],
    });
    expect(window).toEqual({ shipBy: "2026-12-02", earliest: "2026-12-02", latest: "2026-12-03" });
  });
});

describe("estimateDelivery: the shop's time zone decides the day and the side of the cut-off", () => {
  it.each([
    // Asia/Jakarta is UTC+7 all year: 13:59 and 14:00 WIB are 06:59 and 07:00 UTC.
    ["Asia/Jakarta", "2026-12-01T06:59:00Z", "2026-12-02"],
    ["Asia/Jakarta", "2026-12-01T07:00:00Z", "2026-12-03"],
    // Asia/Manila is UTC+8: 13:59 and 14:00 PHT are 05:59 and 06:00 UTC.
    ["Asia/Manila", "2026-12-01T05:59:00Z", "2026-12-02"],
    ["Asia/Manila", "2026-12-01T06:00:00Z", "2026-12-03"],
  ])("%s at %s ships by %s", (zone, orderedAt, shipBy) => {
    expect(estimate(orderedAt, zone).shipBy).toBe(shipBy);
  });

  it("the calendar day is the shop's: a UTC evening is already tomorrow in Jakarta", () => {
    // Without a cut-off (24) and with same-day shipping, the ship date is the day the order counts from.
    const sameDay = { cutoffHour: 24, processingDays: 0 };
    // Mon 30 Nov 20:00 UTC is Tue 1 Dec 03:00 WIB.
    expect(estimate("2026-11-30T20:00:00Z", "Asia/Jakarta", sameDay).shipBy).toBe("2026-12-01");
    expect(estimate("2026-11-30T20:00:00Z", "UTC", sameDay).shipBy).toBe("2026-11-30");
    // Fri 4 Dec 17:30 UTC is Sat 5 Dec 00:30 WIB: a weekend order there, counted from Monday.
    expect(estimate("2026-12-04T17:30:00Z", "Asia/Jakarta", sameDay).shipBy).toBe("2026-12-07");
    expect(estimate("2026-12-04T17:30:00Z", "UTC", sameDay).shipBy).toBe("2026-12-04");
  });

  it("New York in March: the same UTC time falls either side of the cut-off across the DST change", () => {
    // Clocks go forward on Sun 8 Mar 2026. 18:30 UTC is 13:30 EST on Fri 6 (before the cut-off: ships Mon 9)
    // but 14:30 EDT on Mon 9 (after: counts from Tue 10, ships Wed 11).
    expect(estimate("2026-03-06T18:30:00Z", "America/New_York").shipBy).toBe("2026-03-09");
    expect(estimate("2026-03-09T18:30:00Z", "America/New_York").shipBy).toBe("2026-03-11");
    expect(estimate("2026-03-09T17:59:00Z", "America/New_York").shipBy).toBe("2026-03-10");
  });

  it("New York in November: clocks going back move the cut-off an hour later in UTC", () => {
    // Clocks go back on Sun 1 Nov 2026. 18:30 UTC is 14:30 EDT on Thu 29 Oct (after: ships Mon 2 Nov)
    // but 13:30 EST on Mon 2 Nov (before: ships Tue 3).
    expect(estimate("2026-10-29T18:30:00Z", "America/New_York").shipBy).toBe("2026-11-02");
    expect(estimate("2026-11-02T18:30:00Z", "America/New_York").shipBy).toBe("2026-11-03");
  });

  it("Europe/Berlin across both DST changes", () => {
    // Forward on Sun 29 Mar: 12:30 UTC is 13:30 CET on Fri 27 (ships Mon 30), 14:30 CEST on Mon 30 (ships Wed 1 Apr).
    expect(estimate("2026-03-27T12:30:00Z", "Europe/Berlin").shipBy).toBe("2026-03-30");
    expect(estimate("2026-03-30T12:30:00Z", "Europe/Berlin").shipBy).toBe("2026-04-01");
    // Back on Sun 25 Oct: 12:30 UTC is 14:30 CEST on Thu 22 (ships Mon 26), 13:30 CET on Mon 26 (ships Tue 27).
    expect(estimate("2026-10-22T12:30:00Z", "Europe/Berlin").shipBy).toBe("2026-10-26");
    expect(estimate("2026-10-26T12:30:00Z", "Europe/Berlin").shipBy).toBe("2026-10-27");
  });

  it("an order during the repeated hour of the November change is placed by its instant", () => {
    // 01:30 happens twice on 1 Nov in New York; both instants are Sunday, so both count from Monday.
    expect(estimate("2026-11-01T05:30:00Z", "America/New_York").shipBy).toBe("2026-11-03");
    expect(estimate("2026-11-01T06:30:00Z", "America/New_York").shipBy).toBe("2026-11-03");
  });
});

describe("chooseTransitRule: first matching row, else the default", () => {
  const rules: TransitRule[] = [
    { name: "Indonesia express", countryCodes: ["ID"], shippingMethods: ["Express"], minDays: 1, maxDays: 2 },
    { name: "Indonesia", countryCodes: ["ID"], shippingMethods: [], minDays: 2, maxDays: 4 },
    { name: "Express anywhere", countryCodes: [], shippingMethods: ["Express", "Priority"], minDays: 3, maxDays: 6 },
    { name: "Philippines", countryCodes: ["PH"], shippingMethods: [], minDays: 4, maxDays: 8 },
  ];

  it.each([
    ["ID", "Express", "Indonesia express"],
    ["id", "  express ", "Indonesia express"],
    ["ID", "Standard", "Indonesia"],
    ["ID", null, "Indonesia"],
    ["US", "Priority", "Express anywhere"],
    ["PH", "Express", "Express anywhere"],
    ["PH", "Standard", "Philippines"],
    ["US", "Standard", "Standard"],
    [null, null, "Standard"],
  ])("country %s, method %s: %s", (countryCode, shippingMethod, name) => {
    expect(chooseTransitRule(rules, { countryCode, shippingMethod }).name).toBe(name);
  });

  it("a row for everywhere else catches what no row above took", () => {
    const table = [...rules, { name: "Rest of world", countryCodes: [], shippingMethods: [], minDays: 7, maxDays: 21 }];
    expect(chooseTransitRule(table, { countryCode: "DE", shippingMethod: "Standard" }).name).toBe("Rest of world");
  });

  it("the chosen row's days shape the window", () => {
    const window = estimate(
      "2026-12-01T02:00:00Z",
      "Asia/Jakarta",
      { transit: rules },
      { countryCode: "ID", shippingMethod: "Express" },
    );
    // Tue 1 Dec 09:00 WIB ships Wed 2; +1: Thu 3; +2: Fri 4.
    expect(window).toEqual({ shipBy: "2026-12-02", earliest: "2026-12-03", latest: "2026-12-04" });
  });
});

describe("estimateDeliveryFromShipment: recomputed from the actual ship time", () => {
  it("uses the ship date in the shop's zone and counts transit from it", () => {
    // Shipped Fri 4 Dec 22:00 EST (Sat 03:00 UTC): shipped Friday; +2 working: Mon 7, Tue 8; +5: ..., Fri 11.
    const window = estimateDeliveryFromShipment({
      shippedAt: new Date("2026-12-05T03:00:00Z"),
      timeZone: "America/New_York",
      settings: settings(),
    });
    expect(window).toEqual({ shipBy: "2026-12-04", earliest: "2026-12-08", latest: "2026-12-11" });
  });

  it("a parcel shipped late, after the order's own ship-by date, moves the window", () => {
    const ordered = estimate("2026-12-01T15:00:00Z", "America/New_York");
    const shipped = estimateDeliveryFromShipment({
      shippedAt: new Date("2026-12-07T15:00:00Z"),
      timeZone: "America/New_York",
      settings: settings(),
    });
    expect(ordered.shipBy).toBe("2026-12-02");
    // Shipped Mon 7: +2 Wed 9, +5 Mon 14.
    expect(shipped).toEqual({ shipBy: "2026-12-07", earliest: "2026-12-09", latest: "2026-12-14" });
  });

  it("shipped on a day off with zero transit days still arrives on a working day", () => {
    const window = estimateDeliveryFromShipment({
      shippedAt: new Date("2026-12-05T15:00:00Z"),
      timeZone: "America/New_York",
      settings: settings({ transit: [{ ...defaultTransitRule, minDays: 0, maxDays: 1 }] }),
      countryCode: "US",
    });
    expect(window).toEqual({ shipBy: "2026-12-05", earliest: "2026-12-07", latest: "2026-12-07" });
  });
});

describe("shopTimeZone", () => {
  it("keeps a real IANA zone and falls back to UTC otherwise", () => {
    expect(shopTimeZone("Asia/Manila")).toBe("Asia/Manila");
    expect(shopTimeZone("(GMT+07:00) Jakarta")).toBe("UTC");
    expect(shopTimeZone(null)).toBe("UTC");
    expect(shopTimeZone(undefined)).toBe("UTC");
  });

  it("an unusable zone given straight to estimateDelivery is refused, not guessed", () => {
    expect(() => estimate("2026-12-01T15:00:00Z", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
