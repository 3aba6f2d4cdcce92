// Starts the local Shopify simulator: OAuth, Admin GraphQL, webhooks, thank-you pages and the /_simulator control API.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import { pino, type Logger } from "pino";
import { loadAppConfig } from "./app-config.js";
import { appProxyUrl } from "./app-proxy/app-proxy-url.js";
import { adminRoutes } from "./admin/admin-routes.js";
import { thankYouRoutes } from "./checkout/thank-you-routes.js";
import { bulkOperationRoutes } from "./bulk-operation-routes.js";
import { controlRoutes } from "./control-routes.js";
import { buildAdminSchema } from "./graphql/admin-schema.js";
import { graphqlRoute } from "./graphql/graphql-route.js";
import type { LeakyBucket } from "./graphql/leaky-bucket.js";
import { AppInstallations } from "./oauth/app-installations.js";
import { installApp } from "./oauth/install-app.js";
import { oauthRoutes } from "./oauth/oauth-routes.js";
import { StaffBook } from "./state/staff-book.js";
import { ShopifySimulator } from "./shopify-simulator.js";
import { SimStore } from "./state/sim-store.js";
import { bulkOperationsOf } from "./state/bulk-operations.js";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher.js";
import { WebhookEmitter } from "./webhooks/webhook-emitter.js";

export { ShopifySimulator, type ShopRef } from "./shopify-simulator.js";
export type { InstallAppResult } from "./oauth/install-app.js";
export type { DeliveryAttempt, DeliveryRecord, DeliveryState } from "./webhooks/delivery-record.js";
export type {
  SimCustomer,
  SimDiscountCodeRecord,
  SimFulfillment,
  SimOrder,
  SimRefund,
  SimShop,
} from "./state/sim-types.js";
export { mintSessionToken } from "./mint-session-token.js";
export type { SimMetafield } from "./state/metafield-book.js";
export { setGeneratedHistory } from "./bulk-operation-routes.js";
export { mintCheckoutSessionToken } from "./checkout/mint-checkout-session-token.js";
export { adminAppPath, DEFAULT_STAFF_ID } from "./admin/admin-routes.js";
export { APP_BRIDGE_PATH } from "./admin/app-bridge-stand-in.js";
export { loadExtensionLocale, type ExtensionLocale, type LocaleMessages } from "./checkout/extension-locales.js";
export { thankYouPageHtml, type ThankYouPageConfig } from "./checkout/thank-you-page.js";
export { signWebhookBody } from "./webhooks/sign-webhook-body.js";
export { signAppProxyQuery } from "./app-proxy/sign-app-proxy-query.js";
export type { AppProxyRequestInput } from "./app-proxy/app-proxy-url.js";
export { buildSignedWebhook } from "./webhooks/build-signed-webhook.js";

export interface ShopifySimulatorOptions {
  port?: number;
  host?: string;
  appConfigPath?: string;
  apiKey: string;
  apiSecret: string;
  /** The app's real base URL; it overrides the toml's application_url (tests listen on random ports). */
  appUrl: string | (() => string);
  retryDelaysMs?: number[];
  maxRetries?: number;
  deliveryTimeoutMs?: number;
  logger?: Logger;
  /** The built thank-you extension (build-extension.ts), served on the simulator's thank-you pages. */
  extensionBundlePath?: string;
  /** The extension's locales/ folder; defaults to extensions/thank-you-coupon/locales. */
  extensionLocalesDir?: string;
}

// Real Shopify spreads 8 retries over 4 hours; locally a doubling from one second keeps the shape without the wait.
export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000];
export const DEFAULT_APP_CONFIG_PATH = fileURLToPath(new URL("../../shopify.app.toml", import.meta.url));
export const DEFAULT_EXTENSION_LOCALES_DIR = fileURLToPath(
  new URL("../../extensions/thank-you-coupon/locales/", import.meta.url),
);

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function createShopifySimulator(options: ShopifySimulatorOptions): Promise<ShopifySimulator> {
  const logger = options.logger ?? pino({ level: "silent" });
  const config = loadAppConfig(options.appConfigPath ?? DEFAULT_APP_CONFIG_PATH);
  const appUrl = typeof options.appUrl === "function" ? options.appUrl : () => options.appUrl as string;
  const store = new SimStore();
  const installations = new AppInstallations();
  const staff = new StaffBook();
  const buckets = new Map<string, LeakyBucket>();
  const dispatcher = new WebhookDispatcher({
    secret: options.apiSecret,
    apiVersion: config.apiVersion,
    retryDelaysMs: options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS,
    maxRetries: options.maxRetries ?? 8,
    timeoutMs: options.deliveryTimeoutMs ?? 5000,
    logger,
  });
  // Routes are mounted before the server knows its port, so they reach the simulator through this holder.
  const ref: { sim?: ShopifySimulator } = {};
  const emitter = new WebhookEmitter(
    config,
    dispatcher,
    installations,
    appUrl,
    () => ref.sim?.duplicatesPerDelivery() ?? 0,
  );

  const app = express();
  app.disable("x-powered-by");
  const admin = buildAdminSchema();
  app.use(oauthRoutes({ config, apiKey: options.apiKey, apiSecret: options.apiSecret, store, installations, staff }));
  app.use(
    graphqlRoute({
      admin,
      store,
      installations,
      config,
      bucketFor: (shop) => (ref.sim ? ref.sim.bucketFor(shop) : missingSim()),
    }),
  );
  app.use(
    thankYouRoutes({
      store,
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      bundlePath: options.extensionBundlePath,
      localesDir: options.extensionLocalesDir ?? DEFAULT_EXTENSION_LOCALES_DIR,
    }),
  );
  app.use(
    adminRoutes({
      store,
      installations,
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      appUrl,
      appHandle: "afterglow",
      appName: "Afterglow",
    }),
  );
  app.use(bulkOperationRoutes(store));
  // Filled once the simulator exists; mounted now so it sits before the error handler.
  const control = express.Router();
  app.use("/_simulator", control);
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, "simulator request failed");
    res.status(500).json({ errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  });

  const server = await listen(app, options.port ?? 0, options.host ?? "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const sim = new ShopifySimulator({
    url,
    config,
    store,
    installations,
    staff,
    dispatcher,
    emitter,
    buckets,
    installApp: (shop, startPath) => installApp({ simulatorUrl: url, appUrl: appUrl(), shop, startPath }),
    appProxyUrl: (shop, input) => appProxyUrl(config, appUrl(), options.apiSecret, shop, input),
    close: async () => {
      await dispatcher.close();
      await closeServer(server);
    },
  });
  ref.sim = sim;
  bulkOperationsOf(store).baseUrl = url;
  control.use(controlRoutes(sim));
  logger.info({ url }, "shopify simulator listening");
  return sim;
}

function missingSim(): never {
  throw new Error("the simulator is still starting");
}
