// customers/create: know the customer before their first order arrives; account-creation points and a referral code.
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { CustomerRepository } from "../../domain/customers/customer-repository.js";
import type { CustomerRewardsService } from "../../domain/loyalty/customer-rewards-service.js";
import type { WebhookHandler } from "../webhook-handler.js";

const customerPayloadSchema = z.object({
  id: z.number().int().positive(),
  email: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  locale: z.string().nullable().optional(),
});

export function handleCustomerCreated(customers: CustomerRepository, rewards: CustomerRewardsService): WebhookHandler {
  return async (payload, { shop }) => {
    const parsed = customerPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`customer payload invalid: ${parsed.error.message}`);
    const customer = parsed.data;
    const customerId = await customers.upsert(shop.id, {
      shopifyCustomerId: customer.id,
      email: customer.email,
      firstName: customer.first_name,
      lastName: customer.last_name,
      locale: customer.locale,
    });
    const signup = await rewards.awardSignup(shop.id, customerId);
    return { status: "completed", outcome: `customer ${customer.id} recorded; ${signup}` };
  };
}
