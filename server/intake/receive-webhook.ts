// The intake service: a verified webhook becomes a durable inbox row (once), then a queued job.
import type { Logger } from "pino";
import { AppError } from "../errors/app-error.js";
import { isSubscribedTopic, normalizeTopic } from "../jobs/webhook-topics.js";
import { thankYouTopics } from "../jobs/thank-you-queue.js";
import { thankYouOrderSchema, type ThankYouOrder } from "../domain/orders/order-payload.js";
import type { Metrics } from "../observability/metrics.js";
import type { InboxBatchWriter } from "./inbox-batch-writer.js";
import type { ShopDirectory } from "./shop-directory.js";

export interface VerifiedWebhook {
  shopDomain: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: string | null;
  apiVersion: string | null;
  /** The exact bytes Shopify signed; stored as they are (PostgreSQL checks they are UTF-8). */
  rawBody: Buffer;
}

export type IntakeOutcome =
  | { kind: "recorded"; inboxId: string }
  | { kind: "duplicate" }
  | { kind: "ignored"; reason: "unknown_topic" | "unknown_shop" };

export interface ReceiveWebhookDeps {
  writer: InboxBatchWriter;
  shops: ShopDirectory;
  metrics: Metrics;
  logger: Logger;
}

export function createReceiveWebhook(deps: ReceiveWebhookDeps) {
  return async function receiveWebhook(webhook: VerifiedWebhook): Promise<IntakeOutcome> {
    const topic = normalizeTopic(webhook.topic);
    const context = { shop: webhook.shopDomain, topic, webhookId: webhook.webhookId };
    if (!isSubscribedTopic(topic)) {
      deps.metrics.webhooksRejected.inc({ reason: "unknown_topic" });
      deps.logger.warn(context, "webhook ignored: Afterglow does not subscribe to this topic");
      return { kind: "ignored", reason: "unknown_topic" };
    }
    const body = jsonObjectOf(webhook.rawBody);
    if (!body) {
      deps.metrics.webhooksRejected.inc({ reason: "malformed_body" });
      deps.logger.warn({ ...context, bytes: webhook.rawBody.length }, "webhook refused: body is not valid JSON");
      throw new AppError("bad_request", "Webhook body is not valid JSON");
    }
    if (!(await deps.shops.isKnown(webhook.shopDomain))) {
      deps.metrics.webhooksRejected.inc({ reason: "unknown_shop" });
      deps.logger.warn(context, "webhook ignored: no shop with this domain ever installed Afterglow");
      return { kind: "ignored", reason: "unknown_shop" };
    }
    const { id } = await deps.writer.write({ ...webhook, topic, ...thankYouOrderOf(topic, body) });
    if (id === null) {
      deps.metrics.webhooksDuplicate.inc({ topic });
      deps.logger.info(context, "duplicate webhook: already recorded");
      return { kind: "duplicate" };
    }
    deps.metrics.webhooksReceived.inc({ topic });
    return { kind: "recorded", inboxId: id };
  };
}

export type ReceiveWebhook = ReturnType<typeof createReceiveWebhook>;

function jsonObjectOf(body: Buffer): object | null {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The body is parsed here anyway (a malformed one is refused), so the order the thank-you page needs goes to its
 * urgent job from here. One that does not parse as an order gets no urgent job: its webhook job records why.
 */
function thankYouOrderOf(topic: string, body: object): { thankYouOrder?: ThankYouOrder } {
  if (!thankYouTopics.has(topic)) return {};
  const order = thankYouOrderSchema.safeParse(body);
  return order.success ? { thankYouOrder: order.data } : {};
}
