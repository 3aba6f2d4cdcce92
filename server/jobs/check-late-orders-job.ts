// Runs one delayed-delivery check; the domain does the work, this reads the job's moment and logs the counts.
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import { z } from "zod";
import {
  checkLateOrders,
  type CheckLateOrdersDeps,
  type CheckLateOrdersOptions,
  type CheckSummary,
} from "../domain/delays/check-late-orders.js";
import type { DelayedCheckJobData } from "./delayed-check-queue.js";

const dataSchema = z.object({ now: z.iso.datetime({ offset: true }).optional() });

export function createCheckLateOrdersJob(
  deps: CheckLateOrdersDeps & { logger: Logger; options: CheckLateOrdersOptions },
) {
  return async function checkLateOrdersJob(job: Job<DelayedCheckJobData>): Promise<CheckSummary> {
    const parsed = dataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`delayed check job data invalid: ${parsed.error.message}`);
    const now = parsed.data.now ? new Date(parsed.data.now) : new Date();
    const summary = await checkLateOrders(deps, now, deps.options);
    deps.logger.info({ jobId: job.id, now: now.toISOString(), ...summary }, "delayed-delivery check done");
    return summary;
  };
}
