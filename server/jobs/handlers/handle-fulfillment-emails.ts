// fulfillments/create and fulfillments/update: the shipped, out-for-delivery and delivered emails.
import { UnrecoverableError } from "bullmq";
import { fulfillmentPayloadSchema, type FulfillmentPayload } from "../../domain/emails/order-email-payload.js";
import { enqueueFulfillmentEmails, type OrderEmailDeps } from "../../domain/emails/order-emails.js";
import type { WebhookHandler, WebhookHandlerContext } from "../webhook-handler.js";

export interface FulfillmentEmailDeps extends OrderEmailDeps {
  /** Also told of every delivered fulfillment (the survey after delivery hangs off this). */
  onDelivered?: (fulfillment: FulfillmentPayload, context: WebhookHandlerContext) => Promise<string | null>;
}

export function handleFulfillmentEmails(deps: FulfillmentEmailDeps): WebhookHandler {
  return async (payload, context) => {
    const parsed = fulfillmentPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`fulfillment payload invalid: ${parsed.error.message}`);
    const fulfillment = parsed.data;
    const created = context.topic === "fulfillments/create";
    const notes = await enqueueFulfillmentEmails(deps, context.shop, fulfillment, created);
    if (fulfillment.status === "success" && fulfillment.shipment_status === "delivered" && deps.onDelivered) {
      const note = await deps.onDelivered(fulfillment, context);
      if (note) notes.push(note);
    }
    return { status: "completed", outcome: notes.join("; ") };
  };
}
