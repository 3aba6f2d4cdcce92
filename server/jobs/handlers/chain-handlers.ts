// Runs several handlers for one topic in turn (record the order, then its emails); one outcome says what each did.
import type { HandlerOutcome, WebhookHandler } from "../webhook-handler.js";

/** Each handler is idempotent, so a retry after a later one failed runs the earlier ones again harmlessly. */
export function chainHandlers(...handlers: WebhookHandler[]): WebhookHandler {
  return async (payload, context) => {
    const outcomes: HandlerOutcome[] = [];
    for (const handler of handlers) outcomes.push(await handler(payload, context));
    return {
      status: outcomes.some((outcome) => outcome.status === "completed") ? "completed" : "skipped",
      outcome: outcomes.map((outcome) => outcome.outcome).join("; "),
    };
  };
}
