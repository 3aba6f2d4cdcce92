// Thank-you coupon settings: defaults, and the validation that gives the owner one message per field.
import { z } from "zod";

const money = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter an amount such as 25 or 25.50")
  .nullable();

export const couponSettingsSchema = z
  .object({
    enabled: z.boolean(),
    kind: z.enum(["percentage", "fixed_amount", "free_shipping"], {
      message: "Choose percentage, fixed amount or free shipping",
    }),
    value: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter a number such as 10 or 7.50"),
    minimumSubtotal: money,
    eligibility: z.enum(["first_order", "every_order", "repeat_customers"], {
      message: "Choose first order, every order or repeat customers",
    }),
    minimumOrderSubtotal: money,
    excludeOrdersWithCode: z.boolean(),
    validityDays: z.number().int("Enter whole days").min(1, "At least 1 day").max(365, "At most 365 days"),
    codePrefix: z
      .string()
      .regex(/^[A-Z0-9]{0,12}$/, "Use up to 12 capital letters and digits")
      .refine((prefix) => !/[01OIL]/.test(prefix), "Avoid 0, 1, O, I and L: shoppers mistake them for each other"),
    combinesWithProduct: z.boolean(),
    combinesWithOrder: z.boolean(),
    combinesWithShipping: z.boolean(),
  })
  .superRefine((settings, context) => {
    const value = Number(settings.value);
    if (settings.kind === "percentage" && (value <= 0 || value > 100)) {
      context.addIssue({ code: "custom", path: ["value"], message: "A percentage is between 1 and 100" });
    }
    if (settings.kind === "fixed_amount" && value <= 0) {
      context.addIssue({ code: "custom", path: ["value"], message: "An amount must be more than 0" });
    }
  });

export type CouponSettingsInput = z.infer<typeof couponSettingsSchema>;

export const defaultCouponSettings: CouponSettingsInput = {
  enabled: true,
  kind: "percentage",
  value: "10",
  minimumSubtotal: null,
  eligibility: "first_order",
  minimumOrderSubtotal: null,
  excludeOrdersWithCode: false,
  validityDays: 30,
  codePrefix: "THANKS",
  combinesWithProduct: false,
  combinesWithOrder: false,
  combinesWithShipping: true,
};

/** Flattens zod's issues into { field: message }, the shape the admin shows next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "settings";
    errors[field] ??= issue.message;
  }
  return errors;
}
