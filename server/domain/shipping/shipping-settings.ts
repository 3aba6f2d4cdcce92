// Shipping settings: defaults, and the validation that gives the owner one message per field.
import { DateTime } from "luxon";
import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-25")
  .refine((date) => DateTime.fromISO(date, { zone: "utc" }).isValid, "This date does not exist");

const days = (most: number) =>
  z.number().int("Enter whole days").min(0, "Cannot be negative").max(most, `At most ${most} days`);

export const transitRuleSchema = z
  .object({
    name: z.string().trim().min(1, "Give this row a name").max(60, "At most 60 characters"),
    /** Empty: every destination the rows above did not take. */
    countryCodes: z
      .array(
        z
          .string()
          .trim()
          .transform((code) => code.toUpperCase())
          .pipe(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes such as US or ID")),
      )
      .max(250, "At most 250 countries"),
    /** Shipping line titles as checkout shows them; empty: any method. */
    shippingMethods: z
      .array(z.string().trim().min(1, "A shipping method needs a title").max(120, "At most 120 characters"))
      .max(50, "At most 50 methods"),
    minDays: days(90),
    maxDays: days(90),
  })
  .superRefine((rule, context) => {
    if (rule.maxDays < rule.minDays) {
      context.addIssue({ code: "custom", path: ["maxDays"], message: "At least the minimum days" });
    }
  });

export const shippingSettingsSchema = z.object({
  /** Orders placed at or after this hour (shop time) count from the next working day; 24 means none do. */
  cutoffHour: z.number().int("Enter a whole hour").min(0, "Between 0 and 24").max(24, "Between 0 and 24"),
  /** Working days between the day an order counts from and the day it ships; 0 ships that same day. */
  processingDays: days(30),
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  workingWeekdays: z
    .array(z.number().int().min(1, "Weekdays are 1 (Monday) to 7 (Sunday)").max(7, "Weekdays are 1 to 7"))
    .min(1, "Choose at least one working day")
    .refine((weekdays) => new Set(weekdays).size === weekdays.length, "Each weekday once")
    .transform((weekdays) => [...weekdays].sort((a, b) => a - b)),
  /** Dates in the shop's time zone on which nothing is packed, shipped or delivered. */
  holidays: z
    .array(isoDate)
    .max(366, "At most 366 holidays")
    .transform((dates) => [...new Set(dates)].sort()),
  transit: z.array(transitRuleSchema).min(1, "Add at least one transit row").max(50, "At most 50 rows"),
  /**
   * True: transit counts the shop's working days too (carriers rest on weekends and holidays), so no window
   * starts or ends on a day off. False: transit counts calendar days, for carriers that deliver every day.
   */
  transitOnWorkingDaysOnly: z.boolean().optional(),
});

export type TransitRule = z.output<typeof transitRuleSchema>;
export type ShippingSettingsInput = z.input<typeof shippingSettingsSchema>;
export type ShippingSettings = Required<z.output<typeof shippingSettingsSchema>>;

/** Used when no row of the shop's table matches the order: a cautious guess beats no window. */
export const defaultTransitRule: TransitRule = {
  name: "Standard",
  countryCodes: [],
  shippingMethods: [],
  minDays: 2,
  maxDays: 5,
};

export const defaultShippingSettings: ShippingSettings = {
  cutoffHour: 14,
  processingDays: 1,
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  transit: [defaultTransitRule],
  transitOnWorkingDaysOnly: true,
};
