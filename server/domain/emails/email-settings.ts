// Email settings: per-kind switch and delay, sender, reply-to and brand; defaults and per-field validation.
import { z } from "zod";
import { defaultKindSettings, emailKinds, emailLanguages, type EmailKind, type KindSetting } from "./email-kinds.js";

const kindSettingSchema = z.object({
  enabled: z.boolean({ message: "Choose on or off" }),
  delayMinutes: z
    .number({ message: "Enter minutes" })
    .int("Enter whole minutes")
    .min(0, "At least 0 minutes")
    .max(60 * 24 * 60, "At most 60 days"),
});

const kindsShape = Object.fromEntries(emailKinds.map((kind) => [kind, kindSettingSchema.optional()])) as Record<
  EmailKind,
  z.ZodOptional<typeof kindSettingSchema>
>;

export const emailSettingsSchema = z.object({
  kinds: z.strictObject(kindsShape, { message: "Unknown email kind" }).default({}),
  senderName: z.string().trim().max(80, "At most 80 characters").nullable().default(null),
  replyTo: z.email("Enter an email address such as hello@example.com").nullable().default(null),
  logoUrl: z
    .url({ protocol: /^https?$/, message: "Enter an image address starting with https://" })
    .nullable()
    .default(null),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Enter a colour such as #1f6f5c")
    .default("#1f6f5c"),
  defaultLanguage: z.enum(emailLanguages, { message: "Choose en, id or fil" }).default("en"),
});

export type EmailSettingsInput = z.input<typeof emailSettingsSchema>;

export interface EmailSettings {
  kinds: Record<EmailKind, KindSetting>;
  senderName: string | null;
  replyTo: string | null;
  logoUrl: string | null;
  accentColor: string;
  defaultLanguage: (typeof emailLanguages)[number];
}

/** Kinds the owner never set keep their defaults, so adding a kind later needs no data migration. */
export function withDefaultKinds(kinds: Partial<Record<EmailKind, KindSetting>>): Record<EmailKind, KindSetting> {
  return Object.fromEntries(emailKinds.map((kind) => [kind, kinds[kind] ?? defaultKindSettings[kind]])) as Record<
    EmailKind,
    KindSetting
  >;
}

export const defaultEmailSettings: EmailSettings = {
  kinds: withDefaultKinds({}),
  senderName: null,
  replyTo: null,
  logoUrl: null,
  accentColor: "#1f6f5c",
  defaultLanguage: "en",
};
