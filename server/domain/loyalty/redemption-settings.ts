// Redemption and expiry rules per shop, validated field by field; a shop without a row uses the defaults.
import { z } from "zod";

export const redemptionSettingsSchema = z.object({
  enabled: z.boolean(),
  pointsPerCurrencyUnit: z
    .number()
    .int("must be a whole number of points")
    .min(1, "must be at least 1")
    .max(100_000, "must be at most 100,000"),
  minimumPoints: z.number().int("must be a whole number of points").min(1, "must be at least 1").max(10_000_000),
  codeValidityDays: z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days"),
  expiryMonths: z.number().int().min(1, "must be at least 1 month").max(120, "must be at most 120 months").nullable(),
  expiryReminderDays: z.number().int().min(1, "must be at least 1 day").max(90, "must be at most 90 days"),
});

export type RedemptionSettings = z.infer<typeof redemptionSettingsSchema>;

/** 100 points buy 1.00; at least 500 points at a time; codes last 90 days; points never expire until the owner says. */
export const defaultRedemptionSettings: RedemptionSettings = {
  enabled: true,
  pointsPerCurrencyUnit: 100,
  minimumPoints: 500,
  codeValidityDays: 90,
  expiryMonths: null,
  expiryReminderDays: 14,
};
