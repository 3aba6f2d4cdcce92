// Loyalty rules per shop: defaults, and the validation that gives the owner one message per field.
import { z } from "zod";

const wholePoints = (max: number) =>
  z
    .number()
    .int("Enter whole points")
    .min(0, "Cannot be negative")
    .max(max, `At most ${max.toLocaleString("en")}`);

const decimal = /^\d{1,9}(\.\d{1,4})?$/;

export const tierSchema = z.object({
  name: z.string().trim().min(1, "Give the tier a name").max(40, "At most 40 characters"),
  /** Points earned or money spent in the last 12 months (decimal string) from which a customer is in this tier. */
  threshold: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter a number such as 500 or 250.00"),
  /** Earning multiplier, "1.5" = half as many points again. */
  multiplier: z
    .string()
    .regex(decimal, "Enter a number such as 1 or 1.25")
    .refine((value) => Number(value) >= 1 && Number(value) <= 10, "Between 1 and 10"),
  perks: z.array(z.string().trim().min(1, "A perk cannot be empty").max(120, "At most 120 characters")).max(10),
});

export type Tier = z.infer<typeof tierSchema>;

export const loyaltySettingsSchema = z
  .object({
    enabled: z.boolean(),
    pointsPerCurrencyUnit: z
      .string()
      .regex(decimal, "Enter a number such as 1 or 0.5")
      .refine((value) => Number(value) <= 1000, "At most 1000 points per currency unit"),
    includeShipping: z.boolean(),
    includeTax: z.boolean(),
    firstOrderBonus: wholePoints(100_000),
    signupPoints: wholePoints(100_000),
    birthdayPoints: wholePoints(100_000),
    milestoneEvery: z.number().int("Enter a whole number").min(0, "0 turns it off").max(1000, "At most 1000"),
    milestonePoints: wholePoints(100_000),
    /** The Nth order's reward: points pending with it, or a personal discount code ("buy 9, the 10th is on us"). */
    milestoneReward: z.enum(["points", "coupon"], { message: "Choose points or a coupon" }),
    milestoneCouponKind: z.enum(["percentage", "fixed_amount", "free_shipping"], {
      message: "Choose a percentage, an amount or free shipping",
    }),
    milestoneCouponValue: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter an amount such as 10 or 12.50"),
    milestoneCouponValidityDays: z
      .number()
      .int("Enter whole days")
      .min(1, "At least 1 day")
      .max(3650, "At most 3650 days"),
    referralPoints: wholePoints(100_000),
    returnWindowDays: z.number().int("Enter whole days").min(0, "Cannot be negative").max(365, "At most 365 days"),
    tierBasis: z.enum(["points_earned", "amount_spent"], { message: "Choose points earned or amount spent" }),
    tiers: z.array(tierSchema).max(10, "At most 10 tiers"),
  })
  .superRefine((settings, context) => {
    const value = Number(settings.milestoneCouponValue);
    if (settings.milestoneCouponKind === "percentage" && (value < 1 || value > 100)) {
      context.addIssue({
        code: "custom",
        path: ["milestoneCouponValue"],
        message: "A percentage is between 1 and 100",
      });
    }
    if (settings.milestoneCouponKind === "fixed_amount" && value <= 0) {
      context.addIssue({ code: "custom", path: ["milestoneCouponValue"], message: "Enter an amount above 0" });
    }
    const names = new Set<string>();
    settings.tiers.forEach((tier, index) => {
      const key = tier.name.toLowerCase();
      if (names.has(key)) context.addIssue({ code: "custom", path: ["tiers", index, "name"], message: "Names repeat" });
      names.add(key);
      if (settings.tierBasis === "points_earned" && !/^\d+$/.test(tier.threshold)) {
        context.addIssue({ code: "custom", path: ["tiers", index, "threshold"], message: "Points are whole numbers" });
      }
      const previous = settings.tiers[index - 1];
      if (previous && Number(tier.threshold) <= Number(previous.threshold)) {
        context.addIssue({
          code: "custom",
          path: ["tiers", index, "threshold"],
          message: "Each tier starts above the one before it",
        });
      }
    });
  });

export type LoyaltySettingsInput = z.infer<typeof loyaltySettingsSchema>;

export const defaultTiers: Tier[] = [
  { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
  { name: "Silver", threshold: "500", multiplier: "1.25", perks: ["Early access to sales"] },
  { name: "Gold", threshold: "1500", multiplier: "1.5", perks: ["Early access to sales", "Free shipping"] },
];

export const defaultLoyaltySettings: LoyaltySettingsInput = {
  enabled: true,
  pointsPerCurrencyUnit: "1",
  includeShipping: false,
  includeTax: false,
  firstOrderBonus: 50,
  signupPoints: 25,
  birthdayPoints: 100,
  milestoneEvery: 10,
  milestonePoints: 200,
  milestoneReward: "points",
  milestoneCouponKind: "fixed_amount",
  milestoneCouponValue: "10",
  milestoneCouponValidityDays: 60,
  referralPoints: 200,
  returnWindowDays: 14,
  tierBasis: "points_earned",
  tiers: defaultTiers,
};
