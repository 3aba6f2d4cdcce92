// One BullMQ worker on one of Afterglow's queues: the process's connection, key prefix and concurrency, errors logged.
import { Worker, type Processor } from "bullmq";
import type { Services } from "../create-services.js";
import type { createRedis } from "./create-redis.js";

export function startQueueWorker<Data, Result = void>(
  services: Pick<Services, "config" | "logger">,
  connection: ReturnType<typeof createRedis>,
  queueName: string,
  process: Processor<Data, Result, string>,
  options: { concurrency?: number } = {},
): Worker<Data, Result> {
  const worker = new Worker<Data, Result>(queueName, process, {
    connection,
    prefix: services.config.REDIS_PREFIX,
    concurrency: options.concurrency ?? services.config.WORKER_CONCURRENCY,
  });
  worker.on("error", (error) => services.logger.error({ err: error, queue: queueName }, `${queueName} worker error`));
  return worker;
}
