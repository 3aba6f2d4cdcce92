// This month's figures for the admin's Home: points awarded, coupons issued and redeemed, revenue they brought back.
import type { PrismaClient } from "@prisma/client";

export interface MonthFigures {
  since: string;
  pointsAwarded: number;
  couponsIssued: number;
  couponsRedeemed: number;
  couponRevenue: string;
  webhooksProcessed: number;
}

export async function readMonthFigures(
  prisma: PrismaClient,
  shop: { id: number; domain: string },
  since: Date,
): Promise<MonthFigures> {
  const [points, issued, redeemed, webhooks] = await Promise.all([
    prisma.ledgerEntry.aggregate({
      where: { shopId: shop.id, createdAt: { gte: since }, points: { gt: 0 } },
      _sum: { points: true },
    }),
    prisma.coupon.count({
      where: { shopId: shop.id, createdAt: { gte: since }, status: { in: ["issued", "redeemed"] } },
    }),
    prisma.coupon.aggregate({
      where: { shopId: shop.id, redeemedAt: { gte: since } },
      _count: { _all: true },
      _sum: { redeemedRevenue: true },
    }),
    prisma.webhookInbox.count({
      where: { shopDomain: shop.domain, receivedAt: { gte: since }, status: "completed" },
    }),
  ]);
  return {
    since: since.toISOString(),
    pointsAwarded: points._sum.points ?? 0,
    couponsIssued: issued,
    couponsRedeemed: redeemed._count._all,
    couponRevenue: (redeemed._sum.redeemedRevenue ?? 0).toString(),
    webhooksProcessed: webhooks,
  };
}

/** The setup checklist's coupon step: done once the owner has saved coupon settings. */
export async function hasCouponSettings(prisma: PrismaClient, shopId: number): Promise<boolean> {
  return (await prisma.couponSettings.count({ where: { shopId } })) > 0;
}
