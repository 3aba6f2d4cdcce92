// The urgent half of orders/create and orders/paid: what the thank-you page shows, its coupon issued in this job.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { ShopRepository } from "../domain/shops/shop-repository.js";
import { recordOrderForThankYouPage, type ThankYouPageDeps } from "../domain/orders/record-order-for-thank-you-page.js";
import type { IssueOfferedCoupon } from "./issue-offered-coupon.js";
import type { ThankYouJobData } from "./thank-you-queue.js";

export interface ThankYouJobDeps {
  shops: Pick<ShopRepository, "findByDomainCached">;
  thankYouPage: ThankYouPageDeps;
  issueOfferedCoupon: IssueOfferedCoupon;
  logger: Logger;
}

/**
 * Only early, never the record of truth: the row's full webhook job runs the same steps again and owns the row's
 * status and errors, so a shop this job cannot serve (gone, uninstalled) is left to it.
 */
export function createThankYouJob(deps: ThankYouJobDeps) {
  return async function thankYouJob(job: Job<ThankYouJobData>): Promise<void> {
    const { shopDomain, order } = job.data;
    const shop = await deps.shops.findByDomainCached(shopDomain);
    if (!shop || shop.status === "uninstalled") return;
    const logger = deps.logger.child({ shop: shopDomain, topic: job.name, jobId: job.id, orderId: order.id });
    const { offer } = await recordOrderForThankYouPage(deps.thankYouPage, shop, order, { refreshFacts: false });
    const note = await deps.issueOfferedCoupon(offer, shop.domain, logger);
    logger.debug({ outcome: note }, "thank-you page prepared");
  };
}
