// The loyalty settings document as the API carries it (redemption inside), and the form's text-field view of it.

export interface Tier {
  name: string;
  threshold: string;
  multiplier: string;
  perks: string[];
}

export interface LoyaltySettings {
  enabled: boolean;
  pointsPerCurrencyUnit: string;
  includeShipping: boolean;
  includeTax: boolean;
  firstOrderBonus: number;
  signupPoints: number;
  birthdayPoints: number;
  milestoneEvery: number;
  milestonePoints: number;
  referralPoints: number;
  returnWindowDays: number;
  milestoneReward: "points" | "coupon";
  milestoneCouponKind: "percentage" | "fixed_amount" | "free_shipping";
  milestoneCouponValue: string;
  milestoneCouponValidityDays: number;
  tierBasis: "points_earned" | "amount_spent";
  tiers: Tier[];
  redemption: RedemptionSettings;
}

export const wholeFields = [
  "firstOrderBonus",
  "signupPoints",
  "birthdayPoints",
  "milestoneEvery",
  "milestonePoints",
  "referralPoints",
  "returnWindowDays",
  "milestoneCouponValidityDays",
] as const;

export type WholeField = (typeof wholeFields)[number];

export type TierRow = Omit<Tier, "perks"> & { perks: string };

export type LoyaltyForm = Omit<LoyaltySettings, WholeField | "tiers" | "redemption"> &
  Record<WholeField, string> & { tiers: TierRow[]; redemption: RedemptionForm };

/** Text that is not a whole number goes to the server as -1, which it refuses with the field's own message. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : -1);

export function toLoyaltyForm(settings: LoyaltySettings): LoyaltyForm {
  const texts = Object.fromEntries(wholeFields.map((field) => [field, String(settings[field])])) as Record<
    WholeField,
    string
  >;
  return {
    ...settings,
    ...texts,
    tiers: settings.tiers.map((tier) => ({ ...tier, perks: tier.perks.join(", ") })),
    redemption: toRedemptionForm(settings.redemption),
  };
}

export function fromLoyaltyForm(form: LoyaltyForm): LoyaltySettings {
  const numbers = Object.fromEntries(wholeFields.map((field) => [field, whole(form[field])])) as Record<
    WholeField,
    number
  >;
  return {
    ...form,
    ...numbers,
    pointsPerCurrencyUnit: form.pointsPerCurrencyUnit.trim(),
    tiers: form.tiers.map((tier) => ({
      name: tier.name.trim(),
      threshold: tier.threshold.trim(),
      multiplier: tier.multiplier.trim(),
      perks: tier.perks
        .split(",")
        .map((perk) => perk.trim())
        .filter(Boolean),
    })),
    redemption: fromRedemptionForm(form.redemption),
  };
}

/** The server names spending-points fields "redemption.<field>"; the redemption card wants them bare. */
export function redemptionErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([field]) => field.startsWith("redemption."))
      .map(([field, message]) => [field.slice("redemption.".length), message]),
  );
}

export interface RedemptionSettings {
  enabled: boolean;
  pointsPerCurrencyUnit: number;
  minimumPoints: number;
  codeValidityDays: number;
  expiryMonths: number | null;
  expiryReminderDays: number;
}

export interface RedemptionForm {
  enabled: boolean;
  pointsPerCurrencyUnit: string;
  minimumPoints: string;
  codeValidityDays: string;
  /** Blank: points never expire. */
  expiryMonths: string;
  expiryReminderDays: string;
}

export function toRedemptionForm(settings: RedemptionSettings): RedemptionForm {
  return {
    enabled: settings.enabled,
    pointsPerCurrencyUnit: String(settings.pointsPerCurrencyUnit),
    minimumPoints: String(settings.minimumPoints),
    codeValidityDays: String(settings.codeValidityDays),
    expiryMonths: settings.expiryMonths === null ? "" : String(settings.expiryMonths),
    expiryReminderDays: String(settings.expiryReminderDays),
  };
}

export function fromRedemptionForm(form: RedemptionForm): RedemptionSettings {
  return {
    enabled: form.enabled,
    pointsPerCurrencyUnit: whole(form.pointsPerCurrencyUnit),
    minimumPoints: whole(form.minimumPoints),
    codeValidityDays: whole(form.codeValidityDays),
    expiryMonths: form.expiryMonths.trim() === "" ? null : whole(form.expiryMonths),
    expiryReminderDays: whole(form.expiryReminderDays),
  };
}
