// customers/data_request, customers/redact, shop/redact: recorded now; acted on when loyalty data is complete.
import type { WebhookHandler } from "../webhook-handler.js";

// Shopify gives 30 days to complete these; the inbox row is the durable record that the request arrived.
export function handleComplianceRequest(): WebhookHandler {
  return async (_payload, { topic, logger }) => {
    logger.info({ topic }, "compliance request recorded");
    return { status: "skipped", outcome: `${topic} recorded; awaiting the data-request and redaction handling` };
  };
}
