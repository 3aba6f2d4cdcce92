// The fields of Shopify's order webhook payload that Afterglow uses; Shopify adds fields freely, we ignore them.
import { z } from "zod";

const money = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount such as 12.50");

export const webhookCustomerSchema = z.object({
  id: z.number().int().positive(),
  email: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
});

export const orderPayloadSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().optional(),
  email: z.string().nullable().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  updated_at: z.iso.datetime({ offset: true }),
  processed_at: z.iso.datetime({ offset: true }).nullable().optional(),
  cancelled_at: z.iso.datetime({ offset: true }).nullable().optional(),
  currency: z.string().optional(),
  customer_locale: z.string().nullable().optional(),
  financial_status: z.string().nullable().optional(),
  /** After discounts, before shipping, duties and tax, in the shop currency. */
  subtotal_price: money,
  customer: webhookCustomerSchema.nullable().optional(),
  discount_codes: z.array(z.object({ code: z.string() })).default([]),
  /** Where and how it ships: they choose the delivery estimate's transit row. Absent when nothing ships.
   * Loyalty also fingerprints the street address: a referral to the referrer's own address is refused. */
  shipping_address: z
    .object({
      address1: z.string().nullable().optional(),
      address2: z.string().nullable().optional(),
      city: z.string().nullable().optional(),
      zip: z.string().nullable().optional(),
      country_code: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  shipping_lines: z.array(z.object({ title: z.string().nullable().optional() })).optional(),
  /** Loyalty: shipping and tax count only if the owner chose so; a referral code arrives as a cart attribute. */
  total_tax: money.nullable().optional(),
  total_shipping_price_set: z
    .object({ shop_money: z.object({ amount: money }) })
    .nullable()
    .optional(),
  note_attributes: z
    .array(z.object({ name: z.string(), value: z.unknown() }))
    .nullable()
    .optional(),
  /** What was bought: replenishment reminders look up each customer's latest purchase of a product. */
  line_items: z
    .array(
      z.object({
        id: z.number().int().positive(),
        product_id: z.number().int().positive().nullable().optional(),
        variant_id: z.number().int().positive().nullable().optional(),
        title: z.string().nullable().optional(),
        quantity: z.number().int().default(1),
      }),
    )
    .default([]),
});

export type OrderPayload = z.infer<typeof orderPayloadSchema>;

/** What the thank-you page needs of an order (its customer, coupon and order row): parsed at intake, carried by the
 * urgent thank-you job, so that job reads no 15 KB body back from the inbox. */
export const thankYouOrderSchema = orderPayloadSchema.pick({
  id: true,
  name: true,
  email: true,
  created_at: true,
  updated_at: true,
  processed_at: true,
  cancelled_at: true,
  currency: true,
  customer_locale: true,
  financial_status: true,
  subtotal_price: true,
  customer: true,
  discount_codes: true,
  shipping_address: true,
  shipping_lines: true,
});

export type ThankYouOrder = z.infer<typeof thankYouOrderSchema>;
export type WebhookCustomer = z.infer<typeof webhookCustomerSchema>;
