// The analytics benchmark's Shopify: the simulator in its own process, one shop with a generated past of N orders.
import { createShopifySimulator, setGeneratedHistory } from "../scripts/shopify-simulator/create-shopify-simulator.js";

const orders = Number(process.env.BENCH_HISTORY_ORDERS ?? 100_000);

async function main(): Promise<void> {
  const sim = await createShopifySimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 0),
    apiKey: process.env.SHOPIFY_API_KEY ?? "",
    apiSecret: process.env.SHOPIFY_API_SECRET ?? "",
    appUrl: process.env.APP_URL ?? "",
  });
  const shop = sim.createShop({
    domain: "analytics-bench.myshopify.com",
    name: "Analytics Bench",
    currencyCode: "USD",
  });
  setGeneratedHistory(sim, shop.domain, { orders });
  process.stdout.write(`${JSON.stringify({ url: sim.url, domain: shop.domain })}\n`);
  process.once("SIGTERM", () => void sim.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
