// The worker of history imports; on start it queues every import a stopped process left unfinished.
import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Services } from "../create-services.js";
import { createHistoryImportRepository } from "../domain/history-import/history-import-repository.js";
import { importHistory } from "../domain/history-import/import-history.js";
import { createBulkOperationService } from "../shopify/bulk-operation-service.js";
import {
  createHistoryImportQueue,
  enqueueHistoryImports,
  historyImportQueueName,
  type HistoryImportJobData,
} from "./history-import-queue.js";

export function startHistoryImportWorker(services: Services, connection: Redis): Worker<HistoryImportJobData> {
  const { config, logger, pool } = services;
  const imports = createHistoryImportRepository(pool);
  const deps = {
    imports,
    bulk: createBulkOperationService(services.shopify, services.sessionStorage),
    logger,
    pollMs: 1000,
    batchSize: 1000,
  };
  const worker = new Worker<HistoryImportJobData>(
    historyImportQueueName,
    async (job) => {
      const shop = await services.prisma.shop.findUnique({ where: { id: job.data.shopId } });
      if (!shop || shop.status !== "installed")
        throw new UnrecoverableError(`shop ${job.data.shopId} is not installed`);
      const log = logger.child({ shop: shop.domain, jobId: job.id });
      log.info("history import running");
      await importHistory(
        { ...deps, logger: log },
        { shopId: shop.id, domain: shop.domain, installedAt: shop.installedAt },
      );
    },
    { connection, prefix: config.REDIS_PREFIX, concurrency: 2 },
  );
  worker.on("error", (error) => logger.error({ err: error }, "history import worker error"));
  worker.on("failed", (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    void imports.update(job.data.shopId, { status: "failed", lastError: error.message, finished: true });
  });
  const queue = createHistoryImportQueue(connection, config.REDIS_PREFIX);
  void imports
    .unfinished()
    .then((shopIds) => enqueueHistoryImports(queue, shopIds))
    .catch((error: unknown) => logger.warn({ err: error }, "could not queue unfinished history imports"))
    .finally(() => void queue.close());
  return worker;
}
