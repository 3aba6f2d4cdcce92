// The urgent half of orders/create and orders/paid: what the thank-you page shows, its coupon issued in this job.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { ShopRepository } from "../domain/shops/shop-repository.js";
import { orderPayloadSchema } from "../domain/orders/order-payload.js";
import { recordOrderForThankYouPage, type ThankYouPageDeps } from "../domain/orders/record-order-for-thank-you-page.js";
import type { WebhookInboxRepository } from "../domain/webhooks/webhook-inbox-repository.js";
import type { IssueOfferedCoupon } from "./issue-offered-coupon.js";
import type { ThankYouJobData } from "./thank-you-queue.js";

export interface ThankYouJobDeps {
  inbox: Pick<WebhookInboxRepository, "peek">;
  shops: Pick<ShopRepository, "findByDomainCached">;
  thankYouPage: ThankYouPageDeps;
  issueOfferedCoupon: IssueOfferedCoupon;
  logger: Logger;
}

/**
 * Only early, never the record of truth: the row's full webhook job runs the same steps again and owns the
 * row's status and errors. So whatever this job cannot use (row gone or done, shop gone, payload invalid) it leaves.
 */
export function createThankYouJob(deps: ThankYouJobDeps) {
  return async function thankYouJob(job: Job<ThankYouJobData>): Promise<void> {
    const row = await deps.inbox.peek(BigInt(job.data.inboxId));
    if (!row || row.status === "completed" || row.status === "skipped") return;
    const shop = await deps.shops.findByDomainCached(row.shopDomain);
    if (!shop || shop.status === "uninstalled") return;
    let payload: unknown;
    try {
      payload = JSON.parse(row.rawBody);
    } catch {
      return;
    }
    const order = orderPayloadSchema.safeParse(payload);
    if (!order.success) return;
    const logger = deps.logger.child({ shop: shop.domain, topic: row.topic, jobId: job.id, orderId: order.data.id });
    const { offer } = await recordOrderForThankYouPage(deps.thankYouPage, shop, order.data);
    const note = await deps.issueOfferedCoupon(offer, shop.domain, logger);
    logger.debug({ outcome: note }, "thank-you page prepared");
  };
}
