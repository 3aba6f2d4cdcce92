// customers/data_request, customers/redact, shop/redact: thin handlers over the compliance service.
import { UnrecoverableError } from "bullmq";
import type {
  ComplianceInput,
  ComplianceOutcome,
  ComplianceService,
} from "../../domain/compliance/compliance-service.js";
import type { WebhookHandler } from "../webhook-handler.js";

function complianceHandler(act: (input: ComplianceInput) => Promise<ComplianceOutcome>): WebhookHandler {
  return async (payload, { shop, topic, webhookId, logger }) => {
    const outcome = await act({ shop, webhookId, payload, now: new Date() });
    if (outcome.kind === "invalid") throw new UnrecoverableError(`${topic} payload invalid: ${outcome.error}`);
    // The activity log shows this outcome; the log line carries the record id the admin downloads from.
    logger.info(
      { topic, recordId: outcome.kind === "done" ? outcome.recordId : null, outcome: outcome.summary },
      "compliance request handled",
    );
    return { status: outcome.kind === "done" ? "completed" : "skipped", outcome: outcome.summary };
  };
}

export function complianceHandlers(compliance: ComplianceService) {
  return {
    "customers/data_request": complianceHandler(compliance.dataRequest),
    "customers/redact": complianceHandler(compliance.redactCustomer),
    "shop/redact": complianceHandler(compliance.redactShop),
  };
}
