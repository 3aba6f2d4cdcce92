// Test shortcuts for loyalty: a shop's settings, a customer's points, ledger entries by key.
import { defaultLoyaltySettings, type LoyaltySettingsInput } from "../../server/domain/loyalty/loyalty-settings.js";
import { adminApi } from "./admin-api.js";
import { fixturePayload } from "./shop-fixtures.js";
import type { TestStack } from "./start-test-stack.js";

/** Earning without bonuses or tiers: one point per currency unit and nothing else, for tests about counting once. */
export const plainEarning: Partial<LoyaltySettingsInput> = {
  firstOrderBonus: 0,
  signupPoints: 0,
  milestoneEvery: 0,
  referralPoints: 0,
  birthdayPoints: 0,
  tiers: [],
};

export async function useLoyaltySettings(
  stack: TestStack,
  domain: string,
  overrides: Partial<LoyaltySettingsInput>,
): Promise<LoyaltySettingsInput> {
  const shop = await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain } });
  return stack.services.repositories.loyaltySettings.saveSettings(shop.id, { ...defaultLoyaltySettings, ...overrides });
}

export async function customerPoints(stack: TestStack, shopifyCustomerId: number) {
  const customer = await stack.services.prisma.customer.findFirstOrThrow({
    where: { shopifyCustomerId: BigInt(shopifyCustomerId) },
  });
  return { id: customer.id, balance: customer.pointsBalance, pending: customer.pendingPoints, tier: customer.tier };
}

export async function ledgerOfCustomer(stack: TestStack, shopifyCustomerId: number) {
  const customer = await stack.services.prisma.customer.findFirstOrThrow({
    where: { shopifyCustomerId: BigInt(shopifyCustomerId) },
  });
  const entries = await stack.services.prisma.ledgerEntry.findMany({
    where: { customerId: customer.id },
    orderBy: { id: "asc" },
  });
  return entries.map((entry) => ({
    key: entry.idempotencyKey,
    points: entry.points,
    status: entry.status,
    cause: entry.cause,
  }));
}

/** A refunds/create payload from the fixture, refunding `subtotal` of the order's lines. */
export function refundPayload(refundId: number, orderId: number, subtotal: string) {
  return {
    ...fixturePayload("refunds/create"),
    id: refundId,
    order_id: orderId,
    refund_line_items: [
      {
        id: refundId + 1,
        quantity: 1,
        subtotal: Number(subtotal),
        subtotal_set: {
          shop_money: { amount: subtotal, currency_code: "USD" },
          presentment_money: { amount: subtotal, currency_code: "USD" },
        },
      },
    ],
  };
}

/** Runs the order's delayed maturity job now, as if its return window had passed. */
export async function promoteMaturity(stack: TestStack, domain: string, orderId: number): Promise<void> {
  const shop = await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain } });
  const job = await stack.services.loyaltyQueue.getJob(`mature-${shop.id}-${orderId}`);
  if (!job) throw new Error(`no maturity job for order ${orderId}`);
  if ((await job.getState()) === "delayed") await job.promote();
}

/** Spending-points settings through the admin API's loyalty document, as the Loyalty screen saves them. */
export async function useRedemptionSettings(
  stack: TestStack,
  domain: string,
  redemption: Record<string, unknown>,
): Promise<void> {
  const current = await adminApi(stack, domain, "GET", "/api/settings/loyalty");
  const saved = await adminApi(stack, domain, "PUT", "/api/settings/loyalty", {
    ...(current.json.settings as Record<string, unknown>),
    redemption,
  });
  if (saved.status !== 200) throw new Error(`loyalty settings not saved: ${JSON.stringify(saved.json)}`);
}
