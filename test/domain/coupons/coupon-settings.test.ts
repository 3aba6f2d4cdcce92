import {
  couponSettingsSchema,
  defaultCouponSettings,
  fieldErrors,
} from "../../../server/domain/coupons/coupon-settings.js";

describe("coupon settings validation", () => {
  test("the defaults are valid", () => {
    expect(couponSettingsSchema.safeParse(defaultCouponSettings).success).toBe(true);
  });

  test("each invalid field gets its own message", () => {
    const result = couponSettingsSchema.safeParse({
      ...defaultCouponSettings,
      kind: "bogus",
      validityDays: 0,
      codePrefix: "thanks!",
      minimumSubtotal: "12,50",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      kind: "Choose percentage, fixed amount or free shipping",
      validityDays: "At least 1 day",
      codePrefix: "Use up to 12 capital letters and digits",
      minimumSubtotal: "Enter an amount such as 25 or 25.50",
    });
  });

  test("a percentage over 100 and a zero amount are refused on the value field", () => {
    const percent = couponSettingsSchema.safeParse({ ...defaultCouponSettings, value: "150" });
    const amount = couponSettingsSchema.safeParse({ ...defaultCouponSettings, kind: "fixed_amount", value: "0" });
    expect(percent.success || fieldErrors(percent.error)).toEqual({ value: "A percentage is between 1 and 100" });
    expect(amount.success || fieldErrors(amount.error)).toEqual({ value: "An amount must be more than 0" });
  });

  test("a prefix with look-alike characters is refused", () => {
    const result = couponSettingsSchema.safeParse({ ...defaultCouponSettings, codePrefix: "GLOW10" });
    expect(result.success || fieldErrors(result.error)).toEqual({
      codePrefix: "Avoid 0, 1, O, I and L: shoppers mistake them for each other",
    });
  });
});
