import { createCustomerMetafieldsService } from "../../server/shopify/customer-metafields-service.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  // No account-creation points or tiers: the balances below are exactly what the test gives.
  await useLoyaltySettings(stack, shop, plainEarning);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
});
afterAll(() => stack.stop());

async function shopperWith(points: number, index: number, tier: string | null = null) {
  const simCustomer = stack.sim.createCustomer(shop, {
    firstName: `Meta${index}`,
    lastName: "Field",
    email: `m${index}@ex.com`,
  });
  const id = await stack.services.repositories.customers.upsert(shopId, { shopifyCustomerId: simCustomer.id });
  await stack.services.repositories.ledger.append({
    shopId,
    customerId: id,
    points,
    cause: "adjustment",
    idempotencyKey: `meta-grant:${id}:${points}`,
  });
  if (tier) await stack.services.pool.query("UPDATE customer SET tier = $2 WHERE id = $1", [id, tier]);
  return { id, shopifyId: simCustomer.id };
}

const valueOf = (shopifyId: number, key: string) =>
  stack.sim
    .customerMetafields(shop, shopifyId)
    .find((metafield) => metafield.namespace === "afterglow" && metafield.key === key)?.value;

describe("storefront balance and tier in customer metafields", () => {
  test("every changed customer is written in calls of at most 25 metafields; only changes go again", async () => {
    const plain = await Promise.all(Array.from({ length: 40 }, (_, i) => shopperWith(10 + i, i)));
    const tiered = await Promise.all(Array.from({ length: 10 }, (_, i) => shopperWith(500 + i, 100 + i, "Gold")));
    await stack.services.pointsQueue.add("sync-metafields", { kind: "sync-metafields", shopId }, { jobId: "sync-1" });
    await waitFor("every balance in Shopify", async () =>
      [...plain, ...tiered].every((shopper) => valueOf(shopper.shopifyId, "points_balance") !== undefined),
    );
    expect(valueOf(plain[7]?.shopifyId ?? 0, "points_balance")).toBe("17");
    expect(valueOf(tiered[3]?.shopifyId ?? 0, "points_balance")).toBe("503");
    expect(valueOf(tiered[3]?.shopifyId ?? 0, "tier")).toBe("Gold");
    expect(valueOf(plain[0]?.shopifyId ?? 0, "tier")).toBeUndefined();
    const calls = stack.sim.metafieldsSetCalls(shop);
    // 40 balances + 10 balances and tiers = 60 metafields: three calls, none over 25.
    expect(calls.reduce((sum, size) => sum + size, 0)).toBe(60);
    expect(Math.max(...calls)).toBeLessThanOrEqual(25);
    expect(calls).toHaveLength(3);

    // An adjustment through the admin API moves one balance: one more call, with that customer only.
    await stack.services.repositories.ledger.append({
      shopId,
      customerId: plain[7]?.id ?? 0,
      points: 5,
      cause: "adjustment",
      idempotencyKey: "meta-bump",
    });
    await stack.services.pointsQueue.add("sync-metafields", { kind: "sync-metafields", shopId }, { jobId: "sync-2" });
    await waitFor("the changed balance", async () => valueOf(plain[7]?.shopifyId ?? 0, "points_balance") === "22");
    expect(stack.sim.metafieldsSetCalls(shop).slice(3)).toEqual([1]);
  });

  test("the simulator answers metafieldsSet as Shopify does: over 25, bad types and values are userErrors, nothing written", async () => {
    const service = createCustomerMetafieldsService(stack.services.shopify, stack.services.sessionStorage);
    // Known to Shopify only, so no sync of ours writes to it while the test looks.
    const shopper = {
      shopifyId: stack.sim.createCustomer(shop, { firstName: "Only", lastName: "Shopify", email: "o@ex.com" }).id,
    };
    const ownerId = `gid://shopify/Customer/${shopper.shopifyId}`;
    const input = { ownerId, namespace: "afterglow", key: "points_balance", type: "number_integer", value: "12" };
    const refused = await service.set(shop, [input, { ...input, key: "tier", type: "number_integer", value: "Gold" }]);
    expect(refused).toEqual([
      {
        field: ["metafields", "1", "value"],
        code: "INVALID_VALUE",
        message: "Value must be an integer.",
        elementIndex: 1,
      },
    ]);
    expect(await service.set(shop, [{ ...input, type: "points" }])).toMatchObject([
      { code: "INVALID_TYPE", elementIndex: 0 },
    ]);
    expect(await service.set(shop, [{ ...input, ownerId: "gid://shopify/Customer/1" }])).toMatchObject([
      { field: ["metafields", "0", "ownerId"], code: "INVALID" },
    ]);
    expect(valueOf(shopper.shopifyId, "points_balance")).toBeUndefined();
    await expect(
      service.set(
        shop,
        Array.from({ length: 26 }, () => input),
      ),
    ).rejects.toThrow(/at most 25/);
  });
});
