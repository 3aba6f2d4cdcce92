// The kinds of email Afterglow sends, the languages it writes them in, and each kind's default switch and delay.
export const emailKinds = [
  "order_received",
  "first_order_thank_you",
  "shipped",
  "out_for_delivery",
  "delivered",
  "delayed",
  "nps_survey",
  "points_expiring",
  "tier_up",
  "milestone_reward",
  // Lifecycle campaigns (server/domain/campaigns): promotional, each switched on in the campaign settings.
  "winback",
  "birthday",
  "anniversary",
  "replenishment",
  "expiring_coupon",
] as const;

export type EmailKind = (typeof emailKinds)[number];

export const emailLanguages = ["en", "id", "fil"] as const;

export type EmailLanguage = (typeof emailLanguages)[number];

// A type, not an interface: it is stored as JSON, which wants an index signature.
export type KindSetting = {
  enabled: boolean;
  /** Added to the moment the caller asks for (sendAfter), so the owner can hold a kind back. */
  delayMinutes: number;
};

export const defaultKindSettings: Record<EmailKind, KindSetting> = {
  order_received: { enabled: true, delayMinutes: 0 },
  first_order_thank_you: { enabled: true, delayMinutes: 30 },
  shipped: { enabled: true, delayMinutes: 0 },
  out_for_delivery: { enabled: true, delayMinutes: 0 },
  delivered: { enabled: true, delayMinutes: 0 },
  delayed: { enabled: true, delayMinutes: 0 },
  // A few days after delivery: the parcel has been opened and used.
  nps_survey: { enabled: true, delayMinutes: 3 * 24 * 60 },
  // Sent by the points expiry job, days before a customer's unused points expire.
  points_expiring: { enabled: true, delayMinutes: 0 },
  // Sent when a customer moves up a loyalty tier (server/domain/loyalty/tier-up-email.ts).
  tier_up: { enabled: true, delayMinutes: 0 },
  // The Nth paid order's personal code (server/jobs/issue-milestone-coupon-job.ts).
  milestone_reward: { enabled: true, delayMinutes: 0 },
  winback: { enabled: true, delayMinutes: 0 },
  birthday: { enabled: true, delayMinutes: 0 },
  anniversary: { enabled: true, delayMinutes: 0 },
  replenishment: { enabled: true, delayMinutes: 0 },
  expiring_coupon: { enabled: true, delayMinutes: 0 },
};

export function isEmailKind(kind: string): kind is EmailKind {
  return (emailKinds as readonly string[]).includes(kind);
}

export function isEmailLanguage(language: string): language is EmailLanguage {
  return (emailLanguages as readonly string[]).includes(language);
}
