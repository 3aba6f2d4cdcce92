// Shipping settings as GET/PUT /api/settings/shipping carry them, and the form's text-field view of them.

export interface TransitRule {
  name: string;
  countryCodes: string[];
  shippingMethods: string[];
  minDays: number;
  maxDays: number;
}

export interface ShippingSettings {
  cutoffHour: number;
  processingDays: number;
  workingWeekdays: number[];
  holidays: string[];
  transit: TransitRule[];
  transitOnWorkingDaysOnly: boolean;
}

export interface TransitRow {
  name: string;
  /** Comma-separated, as the owner types them. */
  countries: string;
  methods: string;
  minDays: string;
  maxDays: string;
}

export interface ShippingForm {
  cutoffHour: string;
  processingDays: string;
  workingWeekdays: number[];
  holidays: string[];
  transit: TransitRow[];
  transitOnWorkingDaysOnly: boolean;
}

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** A number the server will judge; text that is no number becomes NaN's stand-in -1, which it refuses per field. */
const whole = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : -1);

export function toShippingForm(settings: ShippingSettings): ShippingForm {
  return {
    cutoffHour: String(settings.cutoffHour),
    processingDays: String(settings.processingDays),
    workingWeekdays: settings.workingWeekdays,
    holidays: settings.holidays,
    transitOnWorkingDaysOnly: settings.transitOnWorkingDaysOnly,
    transit: settings.transit.map((rule) => ({
      name: rule.name,
      countries: rule.countryCodes.join(", "),
      methods: rule.shippingMethods.join(", "),
      minDays: String(rule.minDays),
      maxDays: String(rule.maxDays),
    })),
  };
}

export function fromShippingForm(form: ShippingForm): ShippingSettings {
  return {
    cutoffHour: whole(form.cutoffHour),
    processingDays: whole(form.processingDays),
    workingWeekdays: form.workingWeekdays,
    holidays: form.holidays,
    transitOnWorkingDaysOnly: form.transitOnWorkingDaysOnly,
    transit: form.transit.map((row) => ({
      name: row.name.trim(),
      countryCodes: list(row.countries).map((code) => code.toUpperCase()),
      shippingMethods: list(row.methods),
      minDays: whole(row.minDays),
      maxDays: whole(row.maxDays),
    })),
  };
}

export const emptyTransitRow: TransitRow = { name: "", countries: "", methods: "", minDays: "2", maxDays: "5" };
