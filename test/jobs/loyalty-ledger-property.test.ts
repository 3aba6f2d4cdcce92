// Property: whatever the order of paid, cancelled and refunded webhooks, their duplicates, staff adjustments,
// redemptions and clock moves, no event counts twice, a clawback never exceeds what was earned, and the stored
// points equal the ledger. Runs through the real stack; LEDGER_PROPERTY_SEED and LEDGER_PROPERTY_RUNS replay a run.
import fc from "fast-check";
import { ledgerViolations } from "../support/ledger-property-checks.js";
import { createRunPlayer, runArbitrary } from "../support/ledger-property-runs.js";
import { plainEarning, useLoyaltySettings, useRedemptionSettings } from "../support/loyalty-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";

const seed = process.env.LEDGER_PROPERTY_SEED ? Number(process.env.LEDGER_PROPERTY_SEED) : undefined;
const numRuns = Number(process.env.LEDGER_PROPERTY_RUNS ?? 12);

let stack: TestStack;
let shop: string;
let shopId: number;

beforeAll(async () => {
  // Two workers, so webhooks sent together are processed concurrently, as on a deployed app.
  stack = await startTestStack({ workers: 2 });
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  // One point per currency unit and nothing else, so each order's points follow from its subtotal and refunds.
  await useLoyaltySettings(stack, shop, plainEarning);
  await useRedemptionSettings(stack, shop, {
    enabled: true,
    pointsPerCurrencyUnit: 10,
    minimumPoints: 100,
    codeValidityDays: 30,
    expiryMonths: 1,
    expiryReminderDays: 7,
  });
});
afterAll(() => stack.stop());

test("random histories never count an event twice, never claw back more than was earned, and keep the stored points equal to the ledger", async () => {
  const play = createRunPlayer(stack, shop, shopId);
  await fc.assert(
    fc.asyncProperty(runArbitrary(12), async (spec) => {
      const record = await play(spec);
      const problems = await ledgerViolations(stack, spec, record);
      if (problems.length > 0) throw new Error(`ledger invariants broken:\n- ${problems.join("\n- ")}`);
    }),
    // A failure shrinks to a short history; the report prints it with the seed to replay it.
    { numRuns, seed, interruptAfterTimeLimit: 240_000, markInterruptAsFailure: false },
  );
}, 300_000);

test("the checks are not vacuous: a refund taken back twice is named", async () => {
  const play = createRunPlayer(stack, shop, shopId);
  const spec = {
    orders: [{ customer: 0, subtotalCents: 10_000, refundPercents: [40] }],
    commands: [
      { kind: "paid" as const, order: 0, together: false },
      { kind: "mature" as const, order: 0 },
      { kind: "refund" as const, order: 0, refund: 0, together: false },
    ],
  };
  const record = await play(spec);
  expect(await ledgerViolations(stack, spec, record)).toEqual([]);
  const orderId = BigInt(record.orderIds[0] ?? 0);
  const customerId = record.customerIds[0] ?? 0;
  // The same refund applied again under another key: what a missing idempotency key would do.
  await stack.services.repositories.ledger.append({
    shopId,
    customerId,
    points: -40,
    cause: "refund",
    idempotencyKey: `refund:again:${orderId}`,
    shopifyOrderId: orderId,
  });
  expect(await ledgerViolations(stack, spec, record)).toEqual([
    "order 0: matured 100 minus clawed back 80 is 20, expected 60 (100 earned, 4000 of 10000 cents refunded)",
  ]);
});
