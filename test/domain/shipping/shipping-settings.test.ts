import { fieldErrors } from "../../../server/domain/coupons/coupon-settings.js";
import { defaultShippingSettings, shippingSettingsSchema } from "../../../server/domain/shipping/shipping-settings.js";
import { createWorkingCalendar } from "../../../server/domain/shipping/working-calendar.js";

const valid = {
  cutoffHour: 14,
  processingDays: 1,
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  transit: [{ name: "Standard", countryCodes: [], shippingMethods: [], minDays: 2, maxDays: 5 }],
};

const errorsFor = (input: unknown): Record<string, string> => {
  const parsed = shippingSettingsSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe("shipping settings validation", () => {
  it("the defaults are valid settings", () => {
    expect(shippingSettingsSchema.parse(defaultShippingSettings)).toEqual(defaultShippingSettings);
  });

  it("no working weekdays configured is refused", () => {
    expect(errorsFor({ ...valid, workingWeekdays: [] })).toEqual({
      workingWeekdays: "Choose at least one working day",
    });
  });

  it.each([
    ["cutoffHour", { cutoffHour: 25 }, "Between 0 and 24"],
    ["cutoffHour", { cutoffHour: 13.5 }, "Enter a whole hour"],
    ["processingDays", { processingDays: -1 }, "Cannot be negative"],
    ["processingDays", { processingDays: 31 }, "At most 30 days"],
    ["workingWeekdays", { workingWeekdays: [1, 1, 2] }, "Each weekday once"],
    ["workingWeekdays.1", { workingWeekdays: [1, 8] }, "Weekdays are 1 to 7"],
    ["holidays.0", { holidays: ["2026-02-30"] }, "This date does not exist"],
    ["holidays.1", { holidays: ["2026-12-25", "25/12/2026"] }, "Use a date such as 2026-12-25"],
    ["transit", { transit: [] }, "Add at least one transit row"],
    ["transit.0.maxDays", { transit: [{ ...valid.transit[0], minDays: 5, maxDays: 2 }] }, "At least the minimum days"],
    [
      "transit.0.countryCodes.0",
      { transit: [{ ...valid.transit[0], countryCodes: ["USA"] }] },
      "Use two-letter country codes such as US or ID",
    ],
    ["transit.0.name", { transit: [{ ...valid.transit[0], name: " " }] }, "Give this row a name"],
    ["transit.0.minDays", { transit: [{ ...valid.transit[0], minDays: 1.5 }] }, "Enter whole days"],
  ])("%s: %j is refused with one message", (field, change, message) => {
    expect(errorsFor({ ...valid, ...change })).toEqual({ [field]: message });
  });

  it("reports every bad field at once", () => {
    expect(
      Object.keys(errorsFor({ ...valid, cutoffHour: -1, processingDays: "one", workingWeekdays: [] })).sort(),
    ).toEqual(["cutoffHour", "processingDays", "workingWeekdays"]);
  });

  it("normalises: weekdays sorted, holidays sorted without repeats, country codes upper-case", () => {
    const parsed = shippingSettingsSchema.parse({
      ...valid,
      workingWeekdays: [6, 1, 3],
      holidays: ["2026-12-25", "2026-12-24", "2026-12-25"],
      transit: [{ ...valid.transit[0], countryCodes: ["id", " ph "] }],
    });
    expect(parsed.workingWeekdays).toEqual([1, 3, 6]);
    expect(parsed.holidays).toEqual(["2026-12-24", "2026-12-25"]);
    expect(parsed.transit[0]?.countryCodes).toEqual(["ID", "PH"]);
  });

  it("a calendar without working weekdays is refused even if settings slip past validation", () => {
    expect(() => createWorkingCalendar({ workingWeekdays: [], holidays: [] })).toThrow(RangeError);
  });
});
