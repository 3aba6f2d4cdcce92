// Drives the simulator through the demo: install, customers, orders, with duplicated and reordered deliveries.
import type { PrismaClient } from "@prisma/client";
import type { ShopifySimulator } from "../shopify-simulator/shopify-simulator.js";
import { demoCustomers, demoOrders, demoShop, type DemoOrder } from "./demo-scenario.js";

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`The demo timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function placeOrder(sim: ShopifySimulator, order: DemoOrder, customerIds: Map<string, number>): Promise<void> {
  const customerId = order.customer ? (customerIds.get(order.customer) ?? null) : null;
  if (order.delivery === "reordered") sim.holdDeliveries();
  if (order.delivery === "duplicated") sim.setDuplicates(2);
  const placed = sim.createOrder(demoShop.domain, {
    customerId,
    lineItems: order.lineItems,
    discountCodes: order.discountCodes,
  });
  if (order.paid) sim.payOrder(demoShop.domain, placed.id);
  if (order.fulfil)
    sim.fulfillOrder(demoShop.domain, placed.id, { trackingCompany: "LBC Express", trackingNumber: "LBC123456789" });
  if (order.delivery === "reordered") await sim.releaseDeliveries({ order: "reverse" });
  if (order.delivery === "duplicated") sim.setDuplicates(0);
  console.log(`  order ${placed.id} for ${order.customer ?? "a guest"}: ${order.story}`);
}

export async function playDemoScenario(sim: ShopifySimulator, prisma: PrismaClient, appUrl: string): Promise<void> {
  sim.createShop(demoShop);
  console.log(`Installing Afterglow on ${demoShop.domain} through OAuth…`);
  const install = await sim.installApp(demoShop.domain);
  if (install.status >= 400) throw new Error(`install failed with HTTP ${install.status} (${appUrl})`);
  await waitUntil(
    "the shop to be installed",
    async () => (await prisma.shop.count({ where: { status: "installed" } })) === 1,
  );
  const customerIds = new Map<string, number>();
  for (const customer of demoCustomers) customerIds.set(customer.key, sim.createCustomer(demoShop.domain, customer).id);
  console.log("Placing orders:");
  for (const order of demoOrders) await placeOrder(sim, order, customerIds);
  await sim.settle();
  await waitUntil("every webhook to be processed", async () => {
    const open = await prisma.webhookInbox.count({ where: { status: { in: ["received", "processing"] } } });
    return open === 0;
  });
}
