// The fields of Shopify's compliance webhooks that Afterglow uses: which customer (and their orders), or which shop.
import { z } from "zod";

const complianceCustomerSchema = z.object({
  id: z.number().int().positive(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export const customerDataRequestSchema = z.object({
  customer: complianceCustomerSchema,
  orders_requested: z.array(z.number().int().positive()).default([]),
  data_request: z.object({ id: z.number().int().positive() }).optional(),
});

export const customerRedactSchema = z.object({
  customer: complianceCustomerSchema,
  orders_to_redact: z.array(z.number().int().positive()).default([]),
});

/** Who a request is about, as Shopify names them: our rows are found by the id, the email and the orders. */
export interface ComplianceSubject {
  shopifyCustomerId: bigint;
  email: string | null;
  phone: string | null;
  shopifyOrderIds: bigint[];
}

export function subjectOf(customer: z.infer<typeof complianceCustomerSchema>, orderIds: number[]): ComplianceSubject {
  const email = customer.email?.trim().toLowerCase();
  const phone = customer.phone?.trim();
  return {
    shopifyCustomerId: BigInt(customer.id),
    email: email ? email : null,
    phone: phone ? phone : null,
    shopifyOrderIds: orderIds.map((id) => BigInt(id)),
  };
}
