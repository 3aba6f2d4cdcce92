// `npm run demo [-- --exit]`: a simulated shop installs Afterglow and its customers earn points from real signed webhooks.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { loadConfig } from "../server/config/load-config.js";
import { checkPostgres, checkRedis, DependencyError } from "../server/check-dependencies.js";
import { dropDatabase } from "../server/db/ensure-database.js";
import { startProcess } from "../server/main.js";
import { migrateDatabase } from "./db-migrate.js";
import { buildExtension, DEFAULT_OUTFILE } from "../extensions/thank-you-coupon/build-extension.js";
import { checkThankYouPage } from "./demo/check-thank-you-page.js";
import { emailReport, followParcel, prepareDemoEmails, startDemoCatcher, waitForEmails } from "./demo/demo-emails.js";
import { buildDemoReport, printDemoReport } from "./demo/demo-report.js";
import { playDemoScenario } from "./demo/play-demo-scenario.js";
import { demoShop } from "./demo/demo-scenario.js";
import { adminAppPath, APP_BRIDGE_PATH, createShopifySimulator } from "./shopify-simulator/create-shopify-simulator.js";

const exitWhenDone = process.argv.includes("--exit");

async function portOrFree(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", reject);
      probe.listen(port, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  return tryListen(preferred).catch(() => tryListen(0));
}

async function main(): Promise<void> {
  const base = loadConfig();
  console.log("Building the embedded admin (web/)…");
  const { build } = await import("vite");
  await build({ configFile: "web/vite.config.ts", logLevel: "warn" });
  await checkPostgres(base.DATABASE_URL.replace(/\/[^/]*$/, "/postgres"), { migrations: false });
  await checkRedis(base.REDIS_URL);
  // The demo owns its own database and Redis prefix, so every run starts clean and can be checked exactly.
  const databaseUrl = base.DATABASE_URL.replace(/\/[^/?]*(\?.*)?$/, "/afterglow_demo$1");
  await dropDatabase(databaseUrl);
  console.log("Applying migrations to a fresh demo database…");
  await migrateDatabase(databaseUrl, true);
  const appPort = await portOrFree(Number(process.env.PORT ?? 3000));
  const simPort = await portOrFree(Number(process.env.SIMULATOR_PORT ?? 3457));
  const appUrl = `http://127.0.0.1:${appPort}`;
  // The thank-you pages host the real extension, built to call this run's app.
  const extension = await buildExtension({ appUrl, outfile: DEFAULT_OUTFILE });
  console.log(`Built the thank-you extension (${extension.gzipBytes} bytes gzipped) for ${appUrl}`);
  const sim = await createShopifySimulator({
    port: simPort,
    apiKey: base.SHOPIFY_API_KEY,
    apiSecret: base.SHOPIFY_API_SECRET,
    appUrl,
    extensionBundlePath: extension.outfile,
  });
  const catcher = await startDemoCatcher();
  const config = loadConfig({
    ...process.env,
    PORT: String(appPort),
    APP_URL: appUrl,
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `afterglow-demo-${randomBytes(3).toString("hex")}`,
    SHOPIFY_API_ORIGIN: sim.url,
    APP_BRIDGE_URL: `${sim.url}${APP_BRIDGE_PATH}`,
    EXTENSION_ORIGINS: `https://extensions.shopifycdn.com,${sim.url}`,
    SMTP_URL: catcher.smtpUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const app = await startProcess(config, "all");
  console.log(`Afterglow on ${appUrl}, Shopify simulator on ${sim.url}`);
  await playDemoScenario(sim, app.services.prisma, appUrl, (shopId) => prepareDemoEmails(app.services.prisma, shopId));
  await followParcel(sim, demoShop.domain, app.services.prisma);
  await waitForEmails(app.services.prisma);
  const report = await buildDemoReport(app.services.prisma, app.services.queue, sim, demoShop.domain);
  report.problems.push(...(await checkThankYouPage(app.services.prisma, sim, appUrl, demoShop.domain)));
  const emails = await emailReport(app.services.prisma, catcher);
  report.problems.push(...emails.problems);
  console.log("\nEmails each customer received (through SMTP, caught by the dev mailbox):");
  console.table(emails.lines);
  printDemoReport(report, {
    "Afterglow in Shopify admin (simulator)": `${sim.url}${adminAppPath(demoShop.domain)}`,
    Readiness: `${appUrl}/readyz`,
    Metrics: `${appUrl}/metrics`,
    "Simulator deliveries": `${sim.url}/_simulator/deliveries`,
    Mailbox: catcher.mailboxUrl,
  });
  const stopAll = async () => {
    await sim.close();
    await app.stop();
    await catcher.close();
  };
  if (exitWhenDone) {
    await stopAll();
    process.exit(report.problems.length === 0 ? 0 : 1);
  }
  console.log("\nStill running: press Ctrl-C to stop.");
  process.once("SIGINT", () => void stopAll().then(() => process.exit(0)));
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof DependencyError ? error.message : error);
  process.exit(1);
});
