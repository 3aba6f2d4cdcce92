// fulfillments/create and /update: the order's first shipment is recorded, and "delivered" schedules its survey.
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { OrderDeliveryRepository } from "../../domain/deliveries/order-delivery-repository.js";
import { scheduleNpsSurvey, type ScheduleSurveyDeps } from "../../domain/nps/schedule-nps-survey.js";
import type { HandlerOutcome, WebhookHandler } from "../webhook-handler.js";

const fulfillmentPayloadSchema = z.object({
  id: z.number().int().positive(),
  order_id: z.number().int().positive(),
  /** pending, open, success, cancelled, error, failure: only "success" left the building. */
  status: z.string().nullable().optional(),
  shipment_status: z.string().nullable().optional(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  tracking_number: z.string().nullable().optional(),
  tracking_numbers: z.array(z.string()).nullable().optional(),
  email: z.string().nullable().optional(),
});

type FulfillmentPayload = z.infer<typeof fulfillmentPayloadSchema>;

export interface TrackDeliveryDeps extends ScheduleSurveyDeps {
  deliveries: OrderDeliveryRepository;
}

async function recordShipment(deps: TrackDeliveryDeps, fulfillment: FulfillmentPayload, shopId: number) {
  if (fulfillment.status !== "success" && fulfillment.shipment_status !== "delivered") return;
  await deps.deliveries.recordShipped({
    shopId,
    shopifyOrderId: BigInt(fulfillment.order_id),
    fulfillmentId: BigInt(fulfillment.id),
    shippedAt: new Date(fulfillment.created_at),
    tracked: Boolean(fulfillment.tracking_number) || (fulfillment.tracking_numbers ?? []).length > 0,
  });
}

async function trackDelivery(deps: TrackDeliveryDeps, payload: unknown, shopId: number): Promise<string | null> {
  const parsed = fulfillmentPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new UnrecoverableError(`fulfillment payload invalid: ${parsed.error.message}`);
  const fulfillment = parsed.data;
  await recordShipment(deps, fulfillment, shopId);
  if (fulfillment.shipment_status !== "delivered") return null;
  const shopifyOrderId = BigInt(fulfillment.order_id);
  const { deliveredAt } = await deps.deliveries.recordDelivered({
    shopId,
    shopifyOrderId,
    fulfillmentId: BigInt(fulfillment.id),
    deliveredAt: new Date(fulfillment.updated_at),
  });
  // Scheduling again after a retry is harmless: the outbox keeps one row per dedupe key.
  const survey = await scheduleNpsSurvey(deps, {
    shopId,
    shopifyOrderId,
    deliveredAt,
    fallbackEmail: fulfillment.email ?? null,
  });
  return survey.created ? "delivered; survey email queued" : "delivered; survey email already queued";
}

/** Wraps the topic's own handler (the shipping emails), so both see every fulfillments/update. */
export function trackDeliveryThen(deps: TrackDeliveryDeps, inner?: WebhookHandler): WebhookHandler {
  return async (payload, context): Promise<HandlerOutcome> => {
    const note = await trackDelivery(deps, payload, context.shop.id);
    if (note) context.logger.info({ outcome: note }, "order delivered");
    const result = inner ? await inner(payload, context) : null;
    if (!result)
      return note ? { status: "completed", outcome: note } : { status: "skipped", outcome: "not delivered yet" };
    return note ? { status: result.status, outcome: `${result.outcome}; ${note}` } : result;
  };
}

/** Adds shipment and delivery tracking to the fulfillment topics, whoever else handles them. */
export function withDeliveryTracking<T extends Partial<Record<string, WebhookHandler>>>(
  deps: TrackDeliveryDeps,
  handlers: T,
): T & Record<"fulfillments/create" | "fulfillments/update", WebhookHandler> {
  return {
    ...handlers,
    "fulfillments/create": trackDeliveryThen(deps, handlers["fulfillments/create"]),
    "fulfillments/update": trackDeliveryThen(deps, handlers["fulfillments/update"]),
  };
}
