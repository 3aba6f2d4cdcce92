// When an order is delivered: queue its survey email (the outbox adds the shop's delay, three days by default).
import type { Prisma } from "@prisma/client";
import type { EmailLanguage } from "../email-links/email-language.js";
import type { OrderRecipient } from "../deliveries/order-delivery-repository.js";

/** The part of the outbox's enqueueEmail this needs (server/domain/emails/enqueue-email.ts). */
export type EnqueueOrderEmail = (input: {
  shopId: number;
  kind: "nps_survey" | "delayed";
  dedupeKey: string;
  to: string | null;
  language: string | null;
  sendAfter?: Date | null;
  promotional: boolean;
  customerId?: number | null;
  shopifyOrderId?: bigint | null;
  data: Prisma.InputJsonObject;
}) => Promise<{ id: number; created: boolean }>;

export interface ScheduleSurveyDeps {
  enqueueEmail: EnqueueOrderEmail;
  recipientOf: (shopId: number, shopifyOrderId: bigint) => Promise<OrderRecipient | null>;
  /** The language the email will be written in: the customer's if Afterglow writes it, else the shop's. */
  languageFor: (shopId: number, customerLocale: string | null) => Promise<EmailLanguage>;
}

export interface Delivery {
  shopId: number;
  shopifyOrderId: bigint;
  deliveredAt: Date;
  /** The fulfillment payload's address, for an order whose customer we do not know. */
  fallbackEmail: string | null;
}

/**
 * The answer links are signed when the email is rendered to send (prepare-email-data.ts), in the email's language and
 * valid for `surveyLinkDays` from then. Asking for feedback on an order is part of the order's service, not
 * marketing: the survey is sent as transactional mail.
 */
export async function scheduleNpsSurvey(deps: ScheduleSurveyDeps, delivery: Delivery) {
  const recipient = await deps.recipientOf(delivery.shopId, delivery.shopifyOrderId);
  const language = await deps.languageFor(delivery.shopId, recipient?.locale ?? null);
  return deps.enqueueEmail({
    shopId: delivery.shopId,
    kind: "nps_survey",
    dedupeKey: `order:${delivery.shopifyOrderId}:nps_survey`,
    to: recipient?.email ?? delivery.fallbackEmail,
    language,
    sendAfter: delivery.deliveredAt,
    promotional: false,
    customerId: recipient?.customerId ?? null,
    shopifyOrderId: delivery.shopifyOrderId,
    data: {
      order: { name: recipient?.orderName ?? null },
      survey: { links: [] },
    },
  });
}
