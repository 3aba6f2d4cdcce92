// The demo's email side: an SMTP catcher with a mailbox page, a parcel followed to the door, and the emails sent.
import type { Prisma, PrismaClient } from "@prisma/client";
import { createSmtpCatcher, type SmtpCatcher } from "../smtp-catcher/create-smtp-catcher.js";
import type { ShopifySimulator } from "../shopify-simulator/shopify-simulator.js";

export async function startDemoCatcher(): Promise<SmtpCatcher> {
  const port = (value: string | undefined, fallback: number) => Number(value ?? fallback);
  // Fixed ports when free (the mailbox URL stays the same between runs), any free port otherwise.
  const tryPorts = async (smtpPort: number, httpPort: number) => createSmtpCatcher({ smtpPort, httpPort });
  return tryPorts(port(process.env.SMTP_CATCHER_PORT, 2525), port(process.env.SMTP_CATCHER_HTTP_PORT, 2580)).catch(() =>
    tryPorts(0, 0),
  );
}

/** The demo shows the first-order thank-you at once rather than after its usual 30 minutes. */
export async function prepareDemoEmails(prisma: PrismaClient, shopId: number): Promise<void> {
  await prisma.emailSettings.upsert({
    where: { shopId },
    create: { shopId, kinds: { first_order_thank_you: { enabled: true, delayMinutes: 0 } } },
    update: { kinds: { first_order_thank_you: { enabled: true, delayMinutes: 0 } } },
  });
}

/**
 * A guest in Manila orders, and the parcel goes all the way: shipped, out for delivery, delivered (in Filipino). Each
 * step waits for its email, as hours pass between them in life; an out-for-delivery email still unsent when the
 * delivery is reported would rightly be dropped.
 */
export async function followParcel(sim: ShopifySimulator, shopDomain: string, prisma: PrismaClient): Promise<void> {
  const order = sim.createOrder(shopDomain, {
    email: "bea.guest@example.com",
    customerLocale: "fil",
    lineItems: [{ title: "Rattan Tray", price: "22.00", quantity: 1 }],
  });
  await sim.settle();
  const fulfillment = sim.fulfillOrder(shopDomain, order.id, {
    trackingCompany: "LBC Express",
    trackingNumber: "LBC987654321",
  });
  await sim.settle();
  await waitForEmail(prisma, order.id, "shipped");
  sim.updateFulfillmentStatus(shopDomain, fulfillment.id, "out_for_delivery");
  await sim.settle();
  await waitForEmail(prisma, order.id, "out_for_delivery");
  sim.updateFulfillmentStatus(shopDomain, fulfillment.id, "delivered");
  await sim.settle();
  // Delivered by the simulator is not yet processed by the worker: waiting for "no email due" alone could end first.
  await waitForEmail(prisma, order.id, "delivered");
  console.log(`  order ${order.id} for a guest (fil): shipped, out for delivery, delivered`);
}

/** The order's email of this kind has been sent (or has ended). */
async function waitForEmail(prisma: PrismaClient, orderId: number, kind: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const ended: Prisma.EmailOutboxWhereInput = {
    shopifyOrderId: BigInt(orderId),
    kind,
    status: { in: ["sent", "failed", "skipped"] },
  };
  while ((await prisma.emailOutbox.count({ where: ended })) === 0) {
    if (Date.now() > deadline) throw new Error(`The demo timed out waiting for the ${kind} email`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every email due by now has been sent or has ended (the outbox holds nothing due). */
export async function waitForEmails(prisma: PrismaClient, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await prisma.emailOutbox.count({
      where: { status: { in: ["queued", "sending"] }, sendAfter: { lte: new Date() } },
    });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`The demo timed out waiting for ${open} email(s) to be sent`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface EmailLine {
  to: string;
  kind: string;
  language: string;
  status: string;
  subject: string;
}

export async function emailReport(prisma: PrismaClient, catcher: SmtpCatcher) {
  const rows = await prisma.emailOutbox.findMany({ orderBy: [{ toAddress: "asc" }, { id: "asc" }] });
  const lines: EmailLine[] = rows.map((row) => ({
    to: row.toAddress,
    kind: row.kind,
    language: row.language,
    status: row.status,
    subject: row.subject ?? row.lastError ?? "",
  }));
  const problems: string[] = [];
  for (const row of rows.filter((r) => r.status === "failed"))
    problems.push(`email ${row.kind} to ${row.toAddress} failed: ${row.lastError}`);
  const sent = rows.filter((row) => row.status === "sent").length;
  const caught = catcher.messages();
  if (caught.length !== sent) problems.push(`${sent} emails sent but ${caught.length} arrived at the SMTP catcher`);
  if (new Set(caught.map((message) => message.messageId)).size !== caught.length)
    problems.push("an email arrived twice");
  if (!rows.some((row) => row.kind === "delivered" && row.status === "sent"))
    problems.push("no delivered email was sent");
  return { lines, problems };
}
