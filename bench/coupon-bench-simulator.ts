// The coupon benchmark's Shopify: the simulator in its own process, with Plus-rate shops and customers made ahead.
import { createShopifySimulator } from "../scripts/shopify-simulator/create-shopify-simulator.js";

const shops = Number(process.env.BENCH_SHOPS ?? 4);
const customersPerShop = Number(process.env.BENCH_CUSTOMERS_PER_SHOP ?? 2000);

async function main(): Promise<void> {
  const sim = await createShopifySimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 0),
    apiKey: process.env.SHOPIFY_API_KEY ?? "",
    apiSecret: process.env.SHOPIFY_API_SECRET ?? "",
    appUrl: process.env.APP_URL ?? "",
  });
  const created = [];
  for (let n = 1; n <= shops; n += 1) {
    const shop = sim.createShop({ domain: `coupon-bench-${n}.myshopify.com`, name: `Coupon Bench ${n}` });
    // Shopify Plus: 1,000 points a second; a coupon costs one lookup and one 10-point mutation.
    sim.setRateLimits(shop, { maximumAvailable: 20_000, restoreRate: 1000 });
    // Made in the store directly: customers/create webhooks would only add noise before the measurement.
    const customerIds = Array.from({ length: customersPerShop }, (_, i) => {
      const email = `bench-${n}-${i}@example.com`;
      return sim.store.createCustomer(shop.domain, { firstName: "Bench", lastName: `Buyer ${i}`, email }).id;
    });
    created.push({ domain: shop.domain, customerIds });
  }
  process.stdout.write(`${JSON.stringify({ url: sim.url, shops: created })}\n`);
  process.once("SIGTERM", () => void sim.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
