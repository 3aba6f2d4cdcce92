// enqueueEmail: the one way any part of Afterglow sends an email. A row first (once per dedupe key), then a job.
import type { Prisma } from "@prisma/client";
import type { EmailKind } from "./email-kinds.js";
import type { EmailSettingsRepository } from "./email-settings-repository.js";
import type { OutboxRepository } from "./outbox-repository.js";
import { pickLanguage } from "./pick-language.js";

export interface EnqueueEmailInput {
  shopId: number;
  kind: EmailKind;
  /** Unique per shop, e.g. "order:123:shipped": a second call with the same key changes nothing. */
  dedupeKey: string;
  to: string | null;
  /** The customer's locale ("id-ID", "fil"); unsupported or missing falls back to the shop's language, then en. */
  language: string | null;
  /** The earliest moment; the shop's delay for this kind is added on top. Defaults to now. */
  sendAfter?: Date | null;
  /** Promotional mail goes through the consent check before sending; order and shipping mail is transactional. */
  promotional: boolean;
  customerId?: number | null;
  shopifyOrderId?: number | bigint | string | null;
  /** What the template renders from (JSON). The shop's name, logo and colours are added at render time. */
  data: Prisma.InputJsonObject;
  /** A test email from the template screen: sent even if the kind is switched off, with no delay. */
  ignoreShopSettings?: boolean;
}

export interface EnqueueEmailResult {
  id: number;
  /** false when a row with this dedupe key already existed (nothing was queued again). */
  created: boolean;
  status: "queued" | "sending" | "sent" | "failed" | "skipped";
}

export type EnqueueEmail = (input: EnqueueEmailInput) => Promise<EnqueueEmailResult>;

export interface EnqueueEmailDeps {
  outbox: OutboxRepository;
  settings: EmailSettingsRepository;
  /** Adds the send job for the row, due at the given moment (BullMQ in production; no domain code imports it). */
  schedule: (emailId: number, at: Date) => Promise<void>;
  now?: () => Date;
}

export function createEnqueueEmail(deps: EnqueueEmailDeps): EnqueueEmail {
  return async (input) => {
    const settings = await deps.settings.settingsFor(input.shopId);
    const kind = input.ignoreShopSettings ? { enabled: true, delayMinutes: 0 } : settings.kinds[input.kind];
    const base = input.sendAfter ?? deps.now?.() ?? new Date();
    const sendAfter = new Date(base.getTime() + kind.delayMinutes * 60_000);
    const to = input.to?.trim() ?? "";
    const skipReason = !kind.enabled ? `${input.kind} emails are switched off` : to === "" ? "no email address" : null;
    const { row, created } = await deps.outbox.insert({
      shopId: input.shopId,
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      toAddress: to,
      language: pickLanguage(input.language, settings.defaultLanguage),
      promotional: input.promotional,
      customerId: input.customerId ?? null,
      shopifyOrderId: input.shopifyOrderId == null ? null : BigInt(input.shopifyOrderId),
      data: input.data,
      sendAfter,
      status: skipReason ? "skipped" : "queued",
      lastError: skipReason,
    });
    // Scheduling again for an existing queued row is harmless (the job id is the row's) and heals a lost job.
    if (row.status === "queued") await deps.schedule(row.id, row.nextAttemptAt);
    return { id: row.id, created, status: row.status };
  };
}
