// The fields of order and fulfillment webhooks that emails use (Shopify adds fields freely; we ignore the rest).
import { z } from "zod";

const when = z.iso.datetime({ offset: true });

export const orderEmailPayloadSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().optional(),
  email: z.string().nullish(),
  created_at: when.optional(),
  updated_at: when,
  cancelled_at: when.nullish(),
  currency: z.string().optional(),
  total_price: z.string().optional(),
  customer_locale: z.string().nullish(),
  customer: z
    .object({ id: z.number().int().positive(), email: z.string().nullish(), first_name: z.string().nullish() })
    .nullish(),
  line_items: z
    .array(
      z.object({
        title: z.string(),
        variant_title: z.string().nullish(),
        quantity: z.number().int(),
        price: z.string(),
      }),
    )
    .default([]),
  shipping_address: z.object({ country_code: z.string().nullish() }).nullish(),
  shipping_lines: z.array(z.object({ title: z.string() })).default([]),
});

export type OrderEmailPayload = z.infer<typeof orderEmailPayloadSchema>;

export const shipmentStatuses = [
  "label_printed",
  "label_purchased",
  "attempted_delivery",
  "ready_for_pickup",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
] as const;

export const fulfillmentPayloadSchema = z.object({
  id: z.number().int().positive(),
  order_id: z.number().int().positive(),
  status: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  created_at: when,
  updated_at: when,
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_url: z.string().nullish(),
  // An unknown status is kept as text: it sends nothing, but must not make the webhook fail.
  shipment_status: z.string().nullish(),
});

export type FulfillmentPayload = z.infer<typeof fulfillmentPayloadSchema>;
