// orders/create and orders/paid, after the order is recorded: the order-received and first-order emails.
import { UnrecoverableError } from "bullmq";
import { orderEmailPayloadSchema } from "../../domain/emails/order-email-payload.js";
import { enqueueOrderEmails, type OrderEmailDeps } from "../../domain/emails/order-emails.js";
import type { WebhookHandler } from "../webhook-handler.js";

export function handleOrderEmails(deps: OrderEmailDeps): WebhookHandler {
  return async (payload, { shop }) => {
    const parsed = orderEmailPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`order payload invalid for emails: ${parsed.error.message}`);
    const notes = await enqueueOrderEmails(deps, shop, parsed.data);
    return { status: "completed", outcome: notes.join("; ") };
  };
}
