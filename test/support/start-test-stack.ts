// Starts the real app (and optionally a worker) on a fresh database and Redis prefix, with the Shopify simulator.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createShopifySimulator,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { loadConfig, type AppConfig } from "../../server/config/load-config.js";
import { createServices, type Services } from "../../server/create-services.js";
import { createApp, type AppListener } from "../../server/http/create-app.js";
import { startWorker, type RunningWorker } from "../../server/jobs/start-worker.js";
import { createCapturedLogger, type LogLine } from "./captured-logger.js";
import { createTestDatabase } from "./test-database.js";
import { deleteRedisKeys, newRedisPrefix, testRedisUrl } from "./test-redis-prefix.js";

export const testApiKey = "afterglow-test-key";
export const testApiSecret = "afterglow-test-secret";

export interface TestStack {
  config: AppConfig;
  services: Services;
  sim: ShopifySimulator;
  appUrl: string;
  /** The app's request listener; `app.routes()` lists what Express registered. */
  app: AppListener;
  logs: LogLine[];
  workers: RunningWorker[];
  /** Starts one more worker process-equivalent (own Redis connection, own BullMQ Worker). */
  startWorker(options?: { sweeper?: boolean }): RunningWorker;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startTestStack(
  options: {
    workers?: number;
    env?: Record<string, string>;
    sweeper?: boolean;
    /** Served on the simulator's thank-you pages; read per page load, so it may be built after the stack starts. */
    extensionBundlePath?: string;
  } = {},
): Promise<TestStack> {
  const database = await createTestDatabase();
  const prefix = newRedisPrefix();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const sim = await createShopifySimulator({
    port: 0,
    apiKey: testApiKey,
    apiSecret: testApiSecret,
    appUrl,
    retryDelaysMs: [50, 100, 200],
    extensionBundlePath: options.extensionBundlePath,
  });
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: String(port),
    APP_URL: appUrl,
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: prefix,
    SHOPIFY_API_KEY: testApiKey,
    SHOPIFY_API_SECRET: testApiSecret,
    SHOPIFY_API_ORIGIN: sim.url,
    APP_BRIDGE_URL: `${sim.url}/app-bridge.js`,
    // The simulator's thank-you and order-status pages host the extension, as Shopify's sandbox does.
    EXTENSION_ORIGINS: `https://extensions.shopifycdn.com,${sim.url}`,
    LOG_LEVEL: "debug",
    WORKER_CONCURRENCY: "4",
    ...options.env,
  });
  const { logger, lines } = createCapturedLogger();
  const services = createServices(config, logger);
  const app = createApp(services);
  const server: Server = await new Promise((resolve) => {
    const listening = createServer(app).listen(port, "127.0.0.1", () => resolve(listening));
  });
  const workers: RunningWorker[] = [];
  const stack: TestStack = {
    config,
    services,
    sim,
    appUrl,
    app,
    logs: lines,
    workers,
    startWorker(workerOptions) {
      const worker = startWorker(services, { sweeper: options.sweeper ?? true, ...workerOptions });
      workers.push(worker);
      return worker;
    },
    async stop() {
      await sim.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all(workers.map((worker) => worker.close()));
      await services.close();
      await deleteRedisKeys(prefix);
      await database.drop();
    },
  };
  for (let i = 0; i < (options.workers ?? 0); i += 1) stack.startWorker();
  return stack;
}

/** Polls until the check passes or the time runs out; the failure names what was awaited. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
