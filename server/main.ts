// Process entry: `all` (web + worker), `web` or `worker`; checks PostgreSQL, Redis and migrations first.
import { createServer, type Server } from "node:http";
import { ConfigError, loadConfig, type AppConfig } from "./config/load-config.js";
import { createServices, type Services } from "./create-services.js";
import { checkDependencies } from "./check-dependencies.js";
import { createApp } from "./http/create-app.js";
import { startWorker, type RunningWorker } from "./jobs/start-worker.js";
import { startWorkerMetricsServer } from "./jobs/start-worker-metrics-server.js";
import { createLogger } from "./observability/create-logger.js";

type Role = "all" | "web" | "worker";

export interface RunningProcess {
  services: Services;
  server?: Server;
  worker?: RunningWorker;
  url?: string;
  stop(): Promise<void>;
}

export async function startProcess(config: AppConfig, role: Role): Promise<RunningProcess> {
  const logger = createLogger(config.LOG_LEVEL);
  await checkDependencies(config);
  const services = createServices(config, logger);
  let server: Server | undefined;
  let url: string | undefined;
  if (role !== "worker") {
    const app = createApp(services);
    server = await new Promise<Server>((resolve) => {
      const listening = createServer(app).listen(config.PORT, config.HOST, () => resolve(listening));
    });
    const address = server.address();
    url = typeof address === "object" && address ? `http://${config.HOST}:${address.port}` : undefined;
    logger.info({ url, role }, "web listening");
  }
  const worker = role !== "web" ? startWorker(services) : undefined;
  if (worker) logger.info({ concurrency: config.WORKER_CONCURRENCY }, "worker started");
  if (role === "worker" && config.WORKER_METRICS_PORT > 0) {
    server = await startWorkerMetricsServer(services.metrics.registry, config.WORKER_METRICS_PORT, config.HOST);
    if (server) logger.info({ port: config.WORKER_METRICS_PORT }, "worker metrics on /metrics");
    else
      logger.warn(
        { port: config.WORKER_METRICS_PORT },
        "worker metrics port in use; set WORKER_METRICS_PORT per worker",
      );
  }
  return {
    services,
    server,
    worker,
    url,
    async stop() {
      // Stop taking requests, let in-flight jobs finish, then close connections.
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await worker?.close();
      await services.close();
    },
  };
}

async function main(): Promise<void> {
  const role = (process.argv[2] ?? "all") as Role;
  if (!["all", "web", "worker"].includes(role)) throw new ConfigError(`Unknown role "${role}": use all, web or worker`);
  const config = loadConfig();
  const running = await startProcess(config, role);
  const shutdown = (signal: string) => {
    running.services.logger.info({ signal }, "shutting down: draining in-flight work");
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.services.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    // Configuration and dependency problems are one readable line each, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError || (error instanceof Error && error.name === "DependencyError")) {
      console.error(message);
    } else {
      createLogger("error").error({ err: error }, "start-up failed");
    }
    process.exit(1);
  });
}
