// The simulator as Shopify for a benchmark phase: its own process, Plus-rate shops with customers made ahead, installed.
import { firstStdoutLine, startBenchProcess } from "./bench-processes.js";
import type { BenchShopCustomers } from "./coupon-order-stream.js";

export interface BenchSimulatorOptions {
  /** The process's name (its log is bench/results/<name>.log). */
  name: string;
  apiKey: string;
  secret: string;
  simPort: number;
  appPort: number;
  shops: number;
  customersPerShop: number;
}

/** Starts the simulator's process and reads the shops and customers it made from its first line of output. */
export async function startBenchSimulator(options: BenchSimulatorOptions) {
  const sim = startBenchProcess(options.name, "bench/coupon-bench-simulator.ts", [], {
    SIMULATOR_PORT: String(options.simPort),
    SHOPIFY_API_KEY: options.apiKey,
    SHOPIFY_API_SECRET: options.secret,
    APP_URL: `http://127.0.0.1:${options.appPort}`,
    BENCH_SHOPS: String(options.shops),
    BENCH_CUSTOMERS_PER_SHOP: String(options.customersPerShop),
  });
  const line = await firstStdoutLine(sim);
  return { sim, ...(JSON.parse(line) as { url: string; shops: BenchShopCustomers[] }) };
}

/** Installs the app on every shop through the simulator's OAuth, as a merchant would. */
export async function installAll(simUrl: string, shops: BenchShopCustomers[]): Promise<void> {
  for (const shop of shops) {
    const response = await fetch(`${simUrl}/_simulator/shops/${shop.domain}/install`, { method: "POST" });
    const result = (await response.json()) as { status?: number };
    if (!response.ok || (result.status ?? 500) >= 400) throw new Error(`installing on ${shop.domain} failed`);
  }
}
