// customers/create: know the customer before their first order arrives.
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { CustomerRepository } from "../../domain/customers/customer-repository.js";
import type { WebhookHandler } from "../webhook-handler.js";

const customerPayloadSchema = z.object({
  id: z.number().int().positive(),
  email: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  locale: z.string().nullable().optional(),
});

export function handleCustomerCreated(customers: CustomerRepository): WebhookHandler {
  return async (payload, { shop }) => {
    const parsed = customerPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`customer payload invalid: ${parsed.error.message}`);
    const customer = parsed.data;
    await customers.upsert(shop.id, {
      shopifyCustomerId: customer.id,
      email: customer.email,
      firstName: customer.first_name,
      lastName: customer.last_name,
      locale: customer.locale,
    });
    return { status: "completed", outcome: `customer ${customer.id} recorded` };
  };
}
