// Drives the simulator through the demo: install, customers, orders, with duplicated and reordered deliveries.
import type { PrismaClient } from "@prisma/client";
import type { ShopifySimulator } from "../shopify-simulator/shopify-simulator.js";
import { demoCustomers, demoOrders, demoShop, type DemoOrder } from "./demo-scenario.js";

async function inboxSettled(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.webhookInbox.count({ where: { status: { in: ["received", "processing"] } } })) === 0;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`The demo timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The customer's thank-you code, once the worker has created it in Shopify. */
async function thankYouCode(prisma: PrismaClient, shopifyCustomerId: number): Promise<string> {
  let code: string | undefined;
  await waitUntil("the thank-you code", async () => {
    const coupon = await prisma.coupon.findFirst({
      where: { shopifyCustomerId: BigInt(shopifyCustomerId), status: "issued" },
    });
    code = coupon?.code;
    return Boolean(code);
  });
  return code ?? "";
}

async function discountCodesFor(prisma: PrismaClient, order: DemoOrder, customerId: number | null) {
  if (!order.useThankYouCode || customerId === null) return order.discountCodes;
  const subtotal = order.lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
  const code = await thankYouCode(prisma, customerId);
  return [{ code, amount: (Math.round(subtotal * 10) / 100).toFixed(2), type: "percentage" as const }];
}

async function placeOrder(
  sim: ShopifySimulator,
  prisma: PrismaClient,
  order: DemoOrder,
  customerIds: Map<string, number>,
): Promise<void> {
  const customerId = order.customer ? (customerIds.get(order.customer) ?? null) : null;
  const discountCodes = await discountCodesFor(prisma, order, customerId);
  if (order.delivery === "reordered") sim.holdDeliveries();
  if (order.delivery === "duplicated") sim.setDuplicates(2);
  const placed = sim.createOrder(demoShop.domain, {
    customerId,
    lineItems: order.lineItems,
    discountCodes,
  });
  if (order.paid) sim.payOrder(demoShop.domain, placed.id);
  if (order.fulfil)
    sim.fulfillOrder(demoShop.domain, placed.id, { trackingCompany: "LBC Express", trackingNumber: "LBC123456789" });
  if (order.delivery === "reordered") await sim.releaseDeliveries({ order: "reverse" });
  if (order.delivery === "duplicated") sim.setDuplicates(0);
  console.log(`  order ${placed.id} for ${order.customer ?? "a guest"}: ${order.story}`);
  console.log(`    thank-you page: ${sim.thankYouPageUrl(demoShop.domain, placed.id)}`);
}

export async function playDemoScenario(
  sim: ShopifySimulator,
  prisma: PrismaClient,
  appUrl: string,
  afterInstall: (shopId: number) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  sim.createShop(demoShop);
  console.log(`Installing Afterglow on ${demoShop.domain} through OAuth…`);
  const install = await sim.installApp(demoShop.domain);
  if (install.status >= 400) throw new Error(`install failed with HTTP ${install.status} (${appUrl})`);
  await waitUntil(
    "the shop to be installed",
    async () => (await prisma.shop.count({ where: { status: "installed" } })) === 1,
  );
  await afterInstall((await prisma.shop.findUniqueOrThrow({ where: { domain: demoShop.domain } })).id);
  const customerIds = new Map<string, number>();
  for (const customer of demoCustomers) customerIds.set(customer.key, sim.createCustomer(demoShop.domain, customer).id);
  console.log("Placing orders:");
  for (const order of demoOrders) {
    await placeOrder(sim, prisma, order, customerIds);
    // Real customers come back minutes apart, not milliseconds: let each order land before the next.
    await sim.settle();
    await waitUntil("the order's webhooks to be processed", () => inboxSettled(prisma));
  }
  await sim.settle();
  await waitUntil("every webhook and coupon to be processed", async () => {
    const pendingCoupons = await prisma.coupon.count({ where: { status: "pending" } });
    return (await inboxSettled(prisma)) && pendingCoupons === 0;
  });
}
