// CLI entry (`npm run simulator`): runs the simulator until interrupted, with dev defaults for the app's identity.
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { z } from "zod";
import { createShopifySimulator } from "./create-shopify-simulator.js";
import { bulkOperationsOf } from "./state/bulk-operations.js";

const envSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).default(4100),
  SIMULATOR_HOST: z.string().default("127.0.0.1"),
  SHOPIFY_API_KEY: z.string().default("afterglow-dev-client-id"),
  SHOPIFY_API_SECRET: z.string().default("afterglow-dev-secret"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  LOG_LEVEL: z.string().default("info"),
  // Past orders every shop has before install, served by bulk operations (history import); 0 = none.
  SIMULATOR_HISTORY_ORDERS: z.coerce.number().int().min(0).default(0),
  // `npm run build:extension` writes here; thank-you pages read it on every load.
  SIMULATOR_EXTENSION_BUNDLE: z
    .string()
    .default(fileURLToPath(new URL("../../extensions/thank-you-coupon/dist/thank-you-coupon.js", import.meta.url))),
});

async function main(): Promise<void> {
  const env = envSchema.parse(process.env);
  const logger = pino({ level: env.LOG_LEVEL });
  const sim = await createShopifySimulator({
    port: env.SIMULATOR_PORT,
    host: env.SIMULATOR_HOST,
    apiKey: env.SHOPIFY_API_KEY,
    apiSecret: env.SHOPIFY_API_SECRET,
    appUrl: env.APP_URL,
    extensionBundlePath: env.SIMULATOR_EXTENSION_BUNDLE,
    logger,
  });
  if (env.SIMULATOR_HISTORY_ORDERS > 0)
    bulkOperationsOf(sim.store).defaultHistory = { orders: env.SIMULATOR_HISTORY_ORDERS };
  process.stdout.write(`Shopify simulator listening on ${sim.url} (app at ${env.APP_URL})\n`);
  process.stdout.write(`Thank-you pages: ${sim.url}/store/<shop>/checkouts/thank-you/<order id>\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
