// Runs one inbox row through its topic's handler; safe to run twice, in any order, on any worker.
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import type { ShopRepository } from "../domain/shops/shop-repository.js";
import type { ClaimedInboxRow, WebhookInboxRepository } from "../domain/webhooks/webhook-inbox-repository.js";
import type { Metrics } from "../observability/metrics.js";
import type { HandlerOutcome, WebhookHandler } from "./webhook-handler.js";
import type { WebhookJobData } from "./webhook-queue.js";
import { isSubscribedTopic, topicsAfterUninstall } from "./webhook-topics.js";

export interface ProcessWebhookDeps {
  inbox: WebhookInboxRepository;
  shops: ShopRepository;
  handlers: Partial<Record<string, WebhookHandler>>;
  metrics: Metrics;
  logger: Logger;
}

export function createProcessWebhookJob(deps: ProcessWebhookDeps) {
  async function dispatch(row: ClaimedInboxRow, logger: Logger): Promise<HandlerOutcome> {
    const shop = await deps.shops.findByDomainCached(row.shopDomain);
    if (!shop) return { status: "skipped", outcome: "no such shop (data already redacted?)" };
    const topic = row.topic;
    if (shop.status === "uninstalled" && !(isSubscribedTopic(topic) && topicsAfterUninstall.has(topic))) {
      return { status: "skipped", outcome: "shop has uninstalled Afterglow" };
    }
    const handler = deps.handlers[topic];
    if (!handler) return { status: "skipped", outcome: `no handler for ${topic} yet` };
    let payload: unknown;
    try {
      payload = JSON.parse(row.rawBody);
    } catch {
      throw new UnrecoverableError("stored body is not valid JSON");
    }
    return handler(payload, { shop, topic, webhookId: row.webhookId, triggeredAt: row.triggeredAt, logger });
  }

  return async function processWebhookJob(job: Job<WebhookJobData>): Promise<void> {
    const id = BigInt(job.data.inboxId);
    const row = await deps.inbox.claim(id);
    if (!row) {
      if ((await deps.inbox.statusOf(id)) === null) throw new UnrecoverableError(`inbox row ${id} does not exist`);
      deps.logger.debug({ jobId: job.id }, "already processed; nothing to do");
      return;
    }
    const logger = deps.logger.child({
      shop: row.shopDomain,
      topic: row.topic,
      webhookId: row.webhookId,
      jobId: job.id,
    });
    let result: HandlerOutcome;
    try {
      result = await dispatch(row, logger);
    } catch (error) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      await deps.inbox.markAttemptFailed(id, message, final);
      deps.metrics.jobsFailed.inc({ kind: row.topic });
      logger.warn({ err: error, attempt: job.attemptsMade + 1, final }, "webhook job failed");
      throw error;
    }
    await deps.inbox.markDone(id, result.status, result.outcome);
    deps.metrics.jobsCompleted.inc({ kind: row.topic });
    deps.metrics.jobLatency.observe({ kind: row.topic }, (Date.now() - row.receivedAt.getTime()) / 1000);
    logger.info({ status: result.status, outcome: result.outcome }, "webhook processed");
  };
}
