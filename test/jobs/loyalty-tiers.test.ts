// Tiers move with orders, refunds and time; each crossing is a 0-point ledger entry and reaches the hooks.
import type { TierChange } from "../../server/domain/loyalty/tier-service.js";
import { runDailyLoyalty } from "../../server/domain/loyalty/run-daily-loyalty.js";
import {
  customerPoints,
  ledgerOfCustomer,
  plainEarning,
  promoteMaturity,
  refundPayload,
  useLoyaltySettings,
} from "../support/loyalty-fixtures.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
const changes: TierChange[] = [];

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  await useLoyaltySettings(stack, shop, {
    ...plainEarning,
    tierBasis: "points_earned",
    tiers: [
      { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
      { name: "Silver", threshold: "100", multiplier: "2", perks: ["Free shipping"] },
    ],
  });
  stack.services.loyalty.tierChangeHooks.push(async (change) => {
    changes.push(change);
  });
});
afterAll(() => stack.stop());

async function send(topic: string, payload: unknown) {
  expect((await postWebhook(stack, { shop, topic, payload })).status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

const tierEntries = async () =>
  (await ledgerOfCustomer(stack, 801)).filter((entry) => entry.cause === "tier_change").map((entry) => entry.points);

describe("tiers", () => {
  test("an order crosses up, the multiplier applies to the next order, a refund crosses down, time crosses down", async () => {
    await send("orders/paid", paidOrderPayload(8001, 801, "120.00"));
    expect(await customerPoints(stack, 801)).toMatchObject({ tier: "Silver", pending: 120 });
    expect(changes.map((change) => [change.from, change.to])).toEqual([[null, "Silver"]]);

    await send("orders/paid", paidOrderPayload(8002, 801, "10.00"));
    expect((await customerPoints(stack, 801)).pending).toBe(140); // 10.00 x 1 point x 2 (Silver)

    await promoteMaturity(stack, shop, 8001);
    await waitFor("order 8001 to mature", async () => (await customerPoints(stack, 801)).balance === 120);
    await send("refunds/create", refundPayload(98001, 8001, "120.00"));
    expect(await customerPoints(stack, 801)).toMatchObject({ tier: "Bronze", balance: 0, pending: 20 });

    await send("orders/paid", paidOrderPayload(8003, 801, "90.00"));
    expect((await customerPoints(stack, 801)).tier).toBe("Silver"); // 20 + 90 = 110 in the last 12 months

    const { pool, loyalty } = stack.services;
    const inThirteenMonths = new Date(Date.now() + 396 * 24 * 3600 * 1000);
    await runDailyLoyalty({ pool, orderPoints: loyalty.orderPoints, rewards: loyalty.rewards }, inThirteenMonths);
    expect((await customerPoints(stack, 801)).tier).toBe("Bronze");
    expect(changes.map((change) => `${change.from}->${change.to}`)).toEqual([
      "null->Silver",
      "Silver->Bronze",
      "Bronze->Silver",
      "Silver->Bronze",
    ]);
    expect(await tierEntries()).toEqual([0, 0, 0, 0]);
    // The daily run a second time on the same day: no crossing, no entry.
    await runDailyLoyalty({ pool, orderPoints: loyalty.orderPoints, rewards: loyalty.rewards }, inThirteenMonths);
    expect(await tierEntries()).toHaveLength(4);
    expect(await stack.services.repositories.ledger.balanceMismatches()).toEqual([]);
  });
});
