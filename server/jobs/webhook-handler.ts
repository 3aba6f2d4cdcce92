// The contract every per-topic job handler fulfils.
import type { Shop } from "@prisma/client";
import type { Logger } from "pino";

export interface WebhookHandlerContext {
  shop: Shop;
  topic: string;
  webhookId: string;
  triggeredAt: Date | null;
  logger: Logger;
}

/** "completed" when the event changed something or needed nothing; "skipped" when it was deliberately ignored. */
export interface HandlerOutcome {
  status: "completed" | "skipped";
  outcome: string;
}

export type WebhookHandler = (payload: unknown, context: WebhookHandlerContext) => Promise<HandlerOutcome>;
