// Thank-you coupons and their settings in PostgreSQL: one coupon per order, found by order or by code.
import type { Coupon, CouponSettings, PrismaClient } from "@prisma/client";
import { defaultCouponSettings, type CouponSettingsInput } from "./coupon-settings.js";

export interface NewCoupon {
  shopId: number;
  shopifyOrderId: bigint;
  customerId: number | null;
  shopifyCustomerId: bigint | null;
  code: string;
  kind: Coupon["kind"];
  /** Decimal strings, as the settings hold them. */
  value: string;
  minimumSubtotal: string | null;
  currencyCode: string;
  startsAt: Date;
  endsAt: Date;
  combinesWith: CombinesWith;
}

export interface CombinesWith {
  orderDiscounts: boolean;
  productDiscounts: boolean;
  shippingDiscounts: boolean;
}

function toInput(row: CouponSettings | null): CouponSettingsInput {
  if (!row) return defaultCouponSettings;
  return {
    enabled: row.enabled,
    kind: row.kind,
    value: row.value.toString(),
    minimumSubtotal: row.minimumSubtotal?.toString() ?? null,
    eligibility: row.eligibility,
    minimumOrderSubtotal: row.minimumOrderSubtotal?.toString() ?? null,
    excludeOrdersWithCode: row.excludeOrdersWithCode,
    validityDays: row.validityDays,
    codePrefix: row.codePrefix,
    combinesWithProduct: row.combinesWithProduct,
    combinesWithOrder: row.combinesWithOrder,
    combinesWithShipping: row.combinesWithShipping,
  };
}

export function createCouponRepository(prisma: PrismaClient) {
  return {
    async settingsFor(shopId: number): Promise<CouponSettingsInput> {
      return toInput(await prisma.couponSettings.findUnique({ where: { shopId } }));
    },
    async saveSettings(shopId: number, settings: CouponSettingsInput): Promise<CouponSettingsInput> {
      const row = await prisma.couponSettings.upsert({
        where: { shopId },
        create: { shopId, ...settings },
        update: settings,
      });
      return toInput(row);
    },
    /** Inserts the pending coupon unless the order already has one; returns the order's coupon either way. */
    async createPending(coupon: NewCoupon): Promise<Coupon> {
      await prisma.coupon.createMany({
        data: [{ ...coupon, combinesWith: { ...coupon.combinesWith } }],
        skipDuplicates: true,
      });
      return prisma.coupon.findUniqueOrThrow({
        where: { shopId_shopifyOrderId: { shopId: coupon.shopId, shopifyOrderId: coupon.shopifyOrderId } },
      });
    },
    findById(id: number) {
      return prisma.coupon.findUnique({ where: { id } });
    },
    findForOrder(shopId: number, shopifyOrderId: bigint) {
      return prisma.coupon.findUnique({ where: { shopId_shopifyOrderId: { shopId, shopifyOrderId } } });
    },
    async markIssued(id: number, shopifyDiscountId: string) {
      await prisma.coupon.updateMany({
        where: { id, status: "pending" },
        data: { status: "issued", shopifyDiscountId, lastError: null },
      });
    },
    async recordAttempt(id: number, error: string | null, failed: boolean) {
      await prisma.coupon.update({
        where: { id },
        data: { attempts: { increment: 1 }, lastError: error, ...(failed ? { status: "failed" } : {}) },
      });
    },
    /** The first order that used the code redeems it; later events for that order change nothing. */
    async markRedeemed(shopId: number, code: string, orderId: bigint, revenue: string, at: Date): Promise<boolean> {
      const result = await prisma.coupon.updateMany({
        where: { shopId, code, redeemedOrderId: null },
        data: { status: "redeemed", redeemedOrderId: orderId, redeemedRevenue: revenue, redeemedAt: at },
      });
      return result.count > 0;
    },
  };
}

export type CouponRepository = ReturnType<typeof createCouponRepository>;
