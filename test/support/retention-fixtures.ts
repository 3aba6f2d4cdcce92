// A small shop history whose dashboard figures for October 2026 are worked out by hand (see the comment below).
import type { TestStack } from "./start-test-stack.js";

/*
 * Shop in UTC, period 1-31 October 2026. Customers A, B, C, D and one guest.
 *   A  2026-09-10  100.00   A  2026-10-05  60.00 (repeat)
 *   B  2026-10-08   40.00 (first)
 *   C  2026-10-12   80.00 (first)   C  2026-10-20  20.00 (repeat)
 *   D  2025-10-20   50.00 (active on 1 October, lapsed by 31 October: more than 365 days)
 *   guest 2026-10-15 100.00
 * Active at the start A, D = 2; at the end A, B, C = 3; new B, C = 2 -> retention (3 - 2) / 2 = 50%.
 * Customer orders 4, repeats (A's, C's second) 2 -> repeat purchase rate 50%.
 * Ordering A, B, C; ordered before October A -> returning customer rate 1 / 3 = 33.3%.
 * Frequency 4 / 3 = 1.33; AOV (60 + 40 + 80 + 20 + 100) / 5 = 60.00; CLV 60 x 4/3 / (1 - 0.5) = 160.00.
 * Top 20% of 3 customers = 1 (C, 100.00) of 200.00 -> 50%.
 * NPS: September 10, 9, 3 -> 33.3; October 10, 7 -> 50 with 2 responses. A holds 300 points: 3.00 at 100 a unit.
 */
export const octoberFigures = {
  retention: "50%",
  repeat: "50%",
  returning: "33.3%",
  frequency: "1.33",
  aov: "$60.00",
  clv: "$160.00",
  nps: "50",
  npsResponses: "2 responses",
  pointsOutstanding: "300",
  pointsLiability: "$3.00",
  topShare: "50%",
} as const;

const orders: [number, string | null, string, string][] = [
  [1, "A", "2026-09-10T10:00:00Z", "100.00"],
  [2, "A", "2026-10-05T10:00:00Z", "60.00"],
  [3, "B", "2026-10-08T10:00:00Z", "40.00"],
  [4, "C", "2026-10-12T10:00:00Z", "80.00"],
  [5, "C", "2026-10-20T10:00:00Z", "20.00"],
  [6, "D", "2025-10-20T10:00:00Z", "50.00"],
  [7, null, "2026-10-15T10:00:00Z", "100.00"],
];

const npsAnswers: [string, number][] = [
  ["2026-09-12T10:00:00Z", 10],
  ["2026-09-14T10:00:00Z", 9],
  ["2026-09-16T10:00:00Z", 3],
  ["2026-10-12T10:00:00Z", 10],
  ["2026-10-22T10:00:00Z", 7],
];

export async function seedRetentionHistory(stack: TestStack, domain: string): Promise<number> {
  const { prisma } = stack.services;
  const shop = await prisma.shop.update({ where: { domain }, data: { ianaTimezone: "UTC" } });
  const ids = new Map<string, number>();
  for (const [index, letter] of ["A", "B", "C", "D"].entries()) {
    const customer = await prisma.customer.create({
      data: { shopId: shop.id, shopifyCustomerId: BigInt(9100 + index), email: `${letter.toLowerCase()}@example.com` },
    });
    ids.set(letter, customer.id);
  }
  for (const [number, letter, at, subtotal] of orders) {
    await prisma.order.create({
      data: {
        shopId: shop.id,
        shopifyOrderId: BigInt(9500 + number),
        customerId: letter ? ids.get(letter) : null,
        name: `#R${number}`,
        subtotalPrice: subtotal,
        financialStatus: "paid",
        shopifyCreatedAt: new Date(at),
        shopifyUpdatedAt: new Date(at),
      },
    });
  }
  for (const [index, [at, score]] of npsAnswers.entries()) {
    await prisma.npsResponse.create({
      data: {
        shopId: shop.id,
        shopifyOrderId: BigInt(9700 + index),
        score,
        language: "en",
        firstAnsweredAt: new Date(at),
        answeredAt: new Date(at),
      },
    });
  }
  await prisma.customer.update({ where: { id: ids.get("A") }, data: { pointsBalance: 300 } });
  return shop.id;
}

/** Win-back has sent two emails (one still queued does not count); one code came back on an order of 45.00. */
export async function seedWinbackSends(stack: TestStack, shopId: number): Promise<void> {
  const { prisma } = stack.services;
  const customers = await prisma.customer.findMany({ where: { shopId }, orderBy: { id: "asc" }, take: 3 });
  for (const [index, customer] of customers.entries()) {
    const email = await prisma.emailOutbox.create({
      data: {
        shopId,
        kind: "winback",
        dedupeKey: `campaign:winback:${customer.id}`,
        toAddress: customer.email ?? "x@example.com",
        language: "en",
        promotional: true,
        customerId: customer.id,
        data: {},
        status: index < 2 ? "sent" : "queued",
        sendAfter: new Date(),
        nextAttemptAt: new Date(),
      },
    });
    await prisma.campaignSend.create({
      data: {
        shopId,
        campaign: "winback",
        customerId: customer.id,
        periodKey: `winback:${customer.id}:1`,
        emailId: email.id,
        redeemedOrderId: index === 0 ? 9999n : null,
        redeemedRevenue: index === 0 ? "45.00" : null,
        redeemedAt: index === 0 ? new Date() : null,
      },
    });
  }
}
