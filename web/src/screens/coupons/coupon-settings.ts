// The coupon settings as GET/PUT /api/settings/coupons carry them, and the form's text-field view of them.

export type CouponKind = "percentage" | "fixed_amount" | "free_shipping";
export type CouponEligibility = "first_order" | "every_order" | "repeat_customers";

export interface CouponSettings {
  enabled: boolean;
  kind: CouponKind;
  value: string;
  minimumSubtotal: string | null;
  eligibility: CouponEligibility;
  minimumOrderSubtotal: string | null;
  excludeOrdersWithCode: boolean;
  validityDays: number;
  codePrefix: string;
  combinesWithProduct: boolean;
  combinesWithOrder: boolean;
  combinesWithShipping: boolean;
}

/** Text fields hold what the owner typed; conversion to the API's types happens once, on save. */
export type CouponSettingsForm = Omit<CouponSettings, "minimumSubtotal" | "minimumOrderSubtotal" | "validityDays"> & {
  minimumSubtotal: string;
  minimumOrderSubtotal: string;
  validityDays: string;
};

export function toForm(settings: CouponSettings): CouponSettingsForm {
  return {
    ...settings,
    minimumSubtotal: settings.minimumSubtotal ?? "",
    minimumOrderSubtotal: settings.minimumOrderSubtotal ?? "",
    validityDays: String(settings.validityDays),
  };
}

/** Blank optional amounts mean "no minimum"; the server judges everything else and answers per field. */
export function fromForm(form: CouponSettingsForm): CouponSettings {
  const days = Number(form.validityDays.trim());
  return {
    ...form,
    value: form.value.trim(),
    codePrefix: form.codePrefix.trim(),
    minimumSubtotal: form.minimumSubtotal.trim() || null,
    minimumOrderSubtotal: form.minimumOrderSubtotal.trim() || null,
    validityDays: form.validityDays.trim() === "" || Number.isNaN(days) ? -1 : days,
  };
}
