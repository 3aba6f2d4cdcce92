// Runs the lifecycle campaigns of every installed shop with campaign settings (or one shop) as of now or asOf.
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import { campaignSettingsOf } from "../domain/campaigns/campaign-settings.js";
import type { CampaignSettingsRepository } from "../domain/campaigns/campaign-settings-repository.js";
import { runCampaigns, type CampaignRunDeps } from "../domain/campaigns/run-campaigns.js";
import type { CampaignJobData } from "./campaign-queue.js";

export interface RunCampaignsJobDeps extends CampaignRunDeps {
  settings: Pick<CampaignSettingsRepository, "shopsWithSettings">;
  logger: Logger;
}

export function createRunCampaignsJob(deps: RunCampaignsJobDeps) {
  return async function runCampaignsJob(job: Job<CampaignJobData>): Promise<void> {
    const now = job.data.asOf ? new Date(job.data.asOf) : new Date();
    if (Number.isNaN(now.getTime())) throw new UnrecoverableError(`asOf is not a date: ${job.data.asOf}`);
    let failure: unknown = null;
    for (const row of await deps.settings.shopsWithSettings(job.data.shopId)) {
      const logger = deps.logger.child({ shop: row.shop.domain, jobId: job.id });
      try {
        const run = await runCampaigns(deps, row.shop, campaignSettingsOf(row.campaigns), now);
        logger.info({ run, asOf: now.toISOString() }, "campaign run");
      } catch (error) {
        // One shop's trouble (Shopify unreachable) must not hold back the others; the retry finishes it.
        logger.warn({ err: error }, "campaign run failed; unfinished sends are picked up by the retry");
        failure = error;
      }
    }
    if (failure) throw failure;
  };
}
