// Lifecycle campaign settings: each campaign's switch, timing, offer and audience, validated one message per field.
import { z } from "zod";
import { segmentNames } from "../analytics/rfm-segments.js";

export const campaignNames = ["winback", "birthday", "anniversary", "replenishment", "expiring_coupon"] as const;
export type CampaignName = (typeof campaignNames)[number];

const amount = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter a number such as 10 or 7.50");
const days = (max: number) =>
  z.number().int("Enter whole days").min(1, "At least 1 day").max(max, `At most ${max} days`);

export const offerSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("none") }),
    z.object({
      type: z.literal("coupon"),
      kind: z.enum(["percentage", "fixed_amount", "free_shipping"], {
        message: "Choose percentage, fixed amount or free shipping",
      }),
      value: amount,
      validityDays: days(365),
    }),
    z.object({
      type: z.literal("points"),
      points: z.number().int("Enter whole points").min(1, "At least 1 point").max(100_000, "At most 100000 points"),
    }),
  ])
  .superRefine((offer, context) => {
    if (offer.type !== "coupon") return;
    const value = Number(offer.value);
    if (offer.kind === "percentage" && (value <= 0 || value > 100)) {
      context.addIssue({ code: "custom", path: ["value"], message: "A percentage is between 1 and 100" });
    }
    if (offer.kind === "fixed_amount" && value <= 0) {
      context.addIssue({ code: "custom", path: ["value"], message: "An amount must be more than 0" });
    }
  });

export type CampaignOffer = z.infer<typeof offerSchema>;

/** Empty lists mean everyone; otherwise the customer's tier or RFM segment must be listed (both when both are). */
const targetSchema = z.object({
  tiers: z.array(z.string().trim().min(1, "Name a tier").max(60)).max(20),
  segments: z.array(z.enum(segmentNames, { message: `Choose from ${segmentNames.join(", ")}` })).max(6),
});

export type CampaignTarget = z.infer<typeof targetSchema>;

const productId = z.string().regex(/^\d{1,20}$/, "Enter the numeric product id");

export const campaignSettingsSchema = z.object({
  winback: z.object({ enabled: z.boolean(), days: days(730), offer: offerSchema, target: targetSchema }),
  birthday: z.object({
    enabled: z.boolean(),
    window: z.enum(["week", "month"], { message: "Choose week or month" }),
    offer: offerSchema,
    target: targetSchema,
  }),
  anniversary: z.object({ enabled: z.boolean(), offer: offerSchema, target: targetSchema }),
  replenishment: z.object({
    enabled: z.boolean(),
    products: z
      .array(
        z.object({
          productId,
          variantId: productId.nullable(),
          title: z.string().max(200).nullable(),
          days: days(730),
        }),
      )
      .max(500),
    offer: offerSchema,
    target: targetSchema,
  }),
  expiring_coupon: z.object({ enabled: z.boolean(), days: days(60) }),
});

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

const everyone: CampaignTarget = { tiers: [], segments: [] };

export const defaultCampaignSettings: CampaignSettings = {
  winback: {
    enabled: false,
    days: 90,
    offer: { type: "coupon", kind: "percentage", value: "15", validityDays: 30 },
    target: everyone,
  },
  // A code by default: birthday points are the loyalty program's (and a points offer shares its yearly key).
  birthday: {
    enabled: false,
    window: "month",
    offer: { type: "coupon", kind: "percentage", value: "20", validityDays: 30 },
    target: everyone,
  },
  anniversary: {
    enabled: false,
    offer: { type: "coupon", kind: "percentage", value: "10", validityDays: 30 },
    target: everyone,
  },
  replenishment: { enabled: false, products: [], offer: { type: "none" }, target: everyone },
  expiring_coupon: { enabled: false, days: 7 },
};

/** Stored settings merged over the defaults per campaign, so a campaign added later starts from its default. */
export function campaignSettingsOf(stored: unknown): CampaignSettings {
  const record = z.record(z.string(), z.unknown()).safeParse(stored);
  const merged: Record<string, unknown> = { ...defaultCampaignSettings };
  if (record.success) {
    for (const name of campaignNames) {
      const one = campaignSettingsSchema.shape[name].safeParse(record.data[name]);
      if (one.success) merged[name] = one.data;
    }
  }
  return campaignSettingsSchema.parse(merged);
}
