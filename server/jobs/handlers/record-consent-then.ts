// Wraps a topic's handler so the email marketing consent its payload carries is recorded first (idempotently).
import { consentReportFrom } from "../../domain/consent/consent-report.js";
import type { EmailConsentRepository } from "../../domain/consent/email-consent-repository.js";
import type { WebhookHandler } from "../webhook-handler.js";

/** Without an inner handler (a topic that only carries consent), the outcome says what was recorded. */
export function recordConsentThen(consents: EmailConsentRepository, inner?: WebhookHandler): WebhookHandler {
  return async (payload, context) => {
    const report = consentReportFrom(context.topic, payload);
    if (report) await consents.record(context.shop.id, report);
    if (inner) return inner(payload, context);
    return report
      ? { status: "completed", outcome: `email marketing consent: ${report.state}` }
      : { status: "skipped", outcome: "no email marketing consent in the payload" };
  };
}

/** The topics whose payloads carry consent, each recording it before its own work. */
export function withConsentRecording<T extends Partial<Record<string, WebhookHandler>>>(
  consents: EmailConsentRepository,
  handlers: T,
): T & Record<"customers_email_marketing_consent/update", WebhookHandler> {
  const wrapped: Partial<Record<string, WebhookHandler>> = { ...handlers };
  for (const topic of ["customers/create", "orders/create", "orders/paid"]) {
    wrapped[topic] = recordConsentThen(consents, handlers[topic]);
  }
  return { ...(wrapped as T), "customers_email_marketing_consent/update": recordConsentThen(consents) };
}
