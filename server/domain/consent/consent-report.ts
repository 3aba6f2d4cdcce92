// Reads a shopper's email marketing consent out of the webhook payloads that carry it (only the fields we use).
import { z } from "zod";

const emailMarketingConsentSchema = z.object({
  /** subscribed, not_subscribed, pending (double opt-in not confirmed), unsubscribed, redacted, invalid. */
  state: z.string().min(1),
  consent_updated_at: z.iso.datetime({ offset: true }).nullable().optional(),
});

const customerSchema = z.object({
  id: z.number().int().positive(),
  email: z.string().nullable().optional(),
  email_marketing_consent: emailMarketingConsentSchema.nullable().optional(),
});

const orderSchema = z.object({
  email: z.string().nullable().optional(),
  customer: customerSchema.nullable().optional(),
});

/** customers_email_marketing_consent/update names the customer and address differently. */
const consentUpdateSchema = z.object({
  customer_id: z.number().int().positive(),
  email_address: z.string().nullable().optional(),
  email_marketing_consent: emailMarketingConsentSchema.nullable().optional(),
});

export interface ConsentReport {
  email: string;
  shopifyCustomerId: bigint | null;
  state: string;
  /** When Shopify says the consent last changed; null when it does not say. */
  changedAt: Date | null;
}

function report(
  email: string | null | undefined,
  customerId: number,
  consent: z.infer<typeof emailMarketingConsentSchema> | null | undefined,
): ConsentReport | null {
  const address = email?.trim().toLowerCase();
  if (!address || !consent) return null;
  return {
    email: address,
    shopifyCustomerId: BigInt(customerId),
    state: consent.state,
    changedAt: consent.consent_updated_at ? new Date(consent.consent_updated_at) : null,
  };
}

/** The consent a payload of this topic states, or null when it states none (a guest, no address, no consent field). */
export function consentReportFrom(topic: string, payload: unknown): ConsentReport | null {
  if (topic === "customers_email_marketing_consent/update") {
    const parsed = consentUpdateSchema.safeParse(payload);
    return parsed.success
      ? report(parsed.data.email_address, parsed.data.customer_id, parsed.data.email_marketing_consent)
      : null;
  }
  if (topic.startsWith("customers/")) {
    const parsed = customerSchema.safeParse(payload);
    return parsed.success ? report(parsed.data.email, parsed.data.id, parsed.data.email_marketing_consent) : null;
  }
  const parsed = orderSchema.safeParse(payload);
  const customer = parsed.success ? parsed.data.customer : null;
  if (!parsed.success || !customer) return null;
  return report(customer.email ?? parsed.data.email, customer.id, customer.email_marketing_consent);
}
