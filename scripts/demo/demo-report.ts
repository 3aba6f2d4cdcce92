// Reads what the demo did back from the database and the simulator, and checks it against the scenario.
import type { PrismaClient } from "@prisma/client";
import type { WebhookQueue } from "../../server/jobs/webhook-queue.js";
import type { ShopifySimulator } from "../shopify-simulator/shopify-simulator.js";
import { demoCustomers, expectedCoupons, expectedPoints } from "./demo-scenario.js";

export interface DemoReport {
  deliveries: { topic: string; requests: number; webhookIds: number }[];
  inbox: { status: string; count: number }[];
  jobs: Record<string, number>;
  customers: { name: string; email: string; points: string; expected: string; entries: number }[];
  coupons: { customer: string; code: string; status: string; "revenue back": string; "thank-you page": string }[];
  problems: string[];
}

export async function buildDemoReport(
  prisma: PrismaClient,
  queue: WebhookQueue,
  sim: ShopifySimulator,
  shopDomain: string,
): Promise<DemoReport> {
  const byTopic = new Map<string, { requests: number; ids: Set<string> }>();
  for (const delivery of sim.deliveries()) {
    const entry = byTopic.get(delivery.topic) ?? { requests: 0, ids: new Set<string>() };
    entry.requests += delivery.attempts.length;
    entry.ids.add(delivery.webhookId);
    byTopic.set(delivery.topic, entry);
  }
  const inboxGroups = await prisma.webhookInbox.groupBy({ by: ["status"], _count: { _all: true } });
  const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: shopDomain } });
  const problems: string[] = [];
  const customers = [];
  for (const demo of demoCustomers) {
    const row = await prisma.customer.findFirst({
      where: { shopId: shop.id, email: demo.email },
      include: { _count: { select: { ledgerEntries: true } } },
    });
    const points = `${row?.pointsBalance ?? 0} available, ${row?.pendingPoints ?? 0} pending`;
    const want = expectedPoints[demo.key] ?? { available: 0, pending: 0 };
    const expected = `${want.available} available, ${want.pending} pending`;
    if (points !== expected) problems.push(`${demo.firstName} has ${points} points, expected ${expected}`);
    customers.push({
      name: `${demo.firstName} ${demo.lastName}`,
      email: demo.email,
      points,
      expected,
      entries: row?._count.ledgerEntries ?? 0,
    });
  }
  const distinctWebhooks = [...byTopic.values()].reduce((sum, entry) => sum + entry.ids.size, 0);
  const inboxRows = inboxGroups.reduce((sum, group) => sum + group._count._all, 0);
  if (inboxRows !== distinctWebhooks) {
    problems.push(
      `${inboxRows} inbox rows for ${distinctWebhooks} distinct webhooks: duplicates were not deduplicated`,
    );
  }
  const jobs = await queue.getJobCounts("completed", "failed", "waiting", "active", "delayed");
  if ((jobs.failed ?? 0) > 0) problems.push(`${jobs.failed} job(s) failed in the queue`);
  const coupons = await couponLines(prisma, shop.id, problems, (orderId) => sim.thankYouPageUrl(shopDomain, orderId));
  const failed = inboxGroups.find((group) => group.status === "failed")?._count._all ?? 0;
  if (failed > 0) problems.push(`${failed} webhook(s) failed processing`);
  const guestSkipped = await prisma.webhookInbox.count({ where: { outcome: { contains: "guest checkout" } } });
  if (guestSkipped === 0) problems.push("the guest checkout was not recorded as skipped");
  const ledgerTotal = await prisma.ledgerEntry.aggregate({ where: { shopId: shop.id }, _sum: { points: true } });
  const expectedTotal = Object.values(expectedPoints).reduce((sum, want) => sum + want.available + want.pending, 0);
  if ((ledgerTotal._sum.points ?? 0) !== expectedTotal) {
    problems.push(`the ledger holds ${ledgerTotal._sum.points ?? 0} points, expected ${expectedTotal}`);
  }
  if (shop.status !== "installed" || !shop.name) problems.push("the shop is not installed with its details");
  return {
    deliveries: [...byTopic].map(([topic, entry]) => ({ topic, requests: entry.requests, webhookIds: entry.ids.size })),
    inbox: inboxGroups.map((group) => ({ status: group.status, count: group._count._all })),
    jobs,
    customers,
    coupons,
    problems,
  };
}

export function printDemoReport(report: DemoReport, urls: Record<string, string>): void {
  console.log("\nWebhooks the simulator delivered (signed, over HTTP):");
  console.table(
    report.deliveries.map((d) => ({ topic: d.topic, "distinct webhooks": d.webhookIds, requests: d.requests })),
  );
  console.log("Inbox rows by status (one per distinct webhook):");
  console.table(report.inbox);
  console.log("BullMQ jobs (one per inbox row, run by the worker):");
  console.table([report.jobs]);
  console.log("Points per customer:");
  console.table(
    report.customers.map((c) => ({
      customer: c.name,
      points: c.points,
      expected: c.expected,
      "ledger entries": c.entries,
    })),
  );
  console.log(
    "Thank-you coupons (created in Shopify; open a thank-you page in a browser to see the extension show it):",
  );
  console.table(report.coupons);
  console.log("Open these:");
  for (const [label, url] of Object.entries(urls)) console.log(`  ${label.padEnd(22)} ${url}`);
  if (report.problems.length === 0) console.log("\nEvery expected effect happened.");
  else console.log(`\nProblems:\n  - ${report.problems.join("\n  - ")}`);
}

async function couponLines(
  prisma: PrismaClient,
  shopId: number,
  problems: string[],
  thankYouPage: (orderId: number) => string,
) {
  const lines = [];
  for (const demo of demoCustomers) {
    const customer = await prisma.customer.findFirst({ where: { shopId, email: demo.email } });
    const coupons = customer ? await prisma.coupon.findMany({ where: { shopId, customerId: customer.id } }) : [];
    const expected = expectedCoupons[demo.key];
    const statuses = coupons.map((coupon) => coupon.status);
    if (expected && (coupons.length !== 1 || statuses[0] !== expected)) {
      problems.push(`${demo.firstName} has coupons [${statuses.join(", ")}], expected one ${expected}`);
    }
    for (const coupon of coupons) {
      lines.push({
        customer: `${demo.firstName} ${demo.lastName}`,
        code: coupon.code,
        status: coupon.status,
        "revenue back": coupon.redeemedRevenue?.toString() ?? "",
        "thank-you page": thankYouPage(Number(coupon.shopifyOrderId)),
      });
    }
  }
  return lines;
}
