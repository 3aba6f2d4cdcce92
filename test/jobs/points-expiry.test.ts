import { DateTime } from "luxon";
import { useRedemptionSettings } from "../support/loyalty-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;
const start = DateTime.utc();

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
});
afterAll(() => stack.stop());

async function saveExpiry(expiryMonths: number | null) {
  await useRedemptionSettings(stack, shop, {
    enabled: true,
    pointsPerCurrencyUnit: 100,
    minimumPoints: 500,
    codeValidityDays: 90,
    expiryMonths,
    expiryReminderDays: 14,
  });
}

async function customerWith(points: number, name: string, locale = "en") {
  const id = await stack.services.repositories.customers.upsert(shopId, {
    shopifyCustomerId: 900_000 + points + name.length,
    email: `${name}@example.com`,
    firstName: name,
    locale,
  });
  await stack.services.repositories.ledger.append({
    shopId,
    customerId: id,
    points,
    cause: "adjustment",
    idempotencyKey: `grant:${id}`,
    reason: "test grant",
  });
  return id;
}

/** Activity at a chosen moment: the ledger accepts inserts, and the cached balance moves with it as append does. */
async function activityAt(customerId: number, points: number, at: DateTime) {
  const client = await stack.services.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO ledger_entry (shop_id, customer_id, points, cause, idempotency_key, created_at)
       VALUES ($1, $2, $3, 'adjustment', $4, ($5::timestamptz AT TIME ZONE 'UTC'))`,
      [shopId, customerId, points, `late:${customerId}`, at.toISO()],
    );
    await client.query("UPDATE customer SET points_balance = points_balance + $2 WHERE id = $1", [customerId, points]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

let runs = 0;
/** One expiry run through the queue, as of a controlled moment, waited for until BullMQ says it finished. */
async function runExpiry(asOf: DateTime) {
  runs += 1;
  const job = await stack.services.pointsQueue.add(
    "expire-points",
    { kind: "expire-points", shopId, asOf: asOf.toISO() ?? "" },
    { jobId: `test-expiry-${runs}` },
  );
  await waitFor(`expiry run ${runs}`, async () => {
    const state = await stack.services.pointsQueue.getJobState(job.id ?? "");
    if (state === "failed") throw new Error(`expiry run ${runs} failed`);
    return state === "completed";
  });
}

const expiryEntries = (customerId: number) =>
  stack.services.prisma.ledgerEntry.findMany({ where: { customerId, cause: "expiry" } });
const reminders = () => stack.services.prisma.emailOutbox.findMany({ where: { shopId, kind: "points_expiring" } });

describe("points expiry", () => {
  test("off by default: a year idle expires nothing", async () => {
    const id = await customerWith(120, "idle");
    await runExpiry(start.plus({ years: 2 }));
    expect(await expiryEntries(id)).toEqual([]);
  });

  test("reminder before, expiry after N months idle, each once; activity resets the clock", async () => {
    await saveExpiry(6);
    const sleeper = await customerWith(700, "sleeper", "id");
    const active = await customerWith(300, "active");
    await activityAt(active, 40, start.plus({ months: 5 }));

    // A week before the six months are up: a reminder (in the customer's language), nothing expired.
    await runExpiry(start.plus({ months: 6 }).minus({ days: 7 }));
    await runExpiry(start.plus({ months: 6 }).minus({ days: 6 }));
    const sent = (await reminders()).filter((row) => row.customerId === sleeper);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ language: "id", toAddress: "sleeper@example.com", promotional: false });
    expect(await expiryEntries(sleeper)).toEqual([]);

    // A day after: the sleeper's whole balance expires, once however often the job runs; the active one keeps theirs.
    await runExpiry(start.plus({ months: 6, days: 1 }));
    await runExpiry(start.plus({ months: 6, days: 2 }));
    const expired = await expiryEntries(sleeper);
    expect(expired.map((entry) => entry.points)).toEqual([-700]);
    expect(expired[0]?.reason).toMatch(/6 months without activity/);
    expect(await stack.services.repositories.ledger.balanceOf(sleeper)).toBe(0);
    expect(await stack.services.repositories.ledger.balanceOf(active)).toBe(340);
    expect(await expiryEntries(active)).toEqual([]);

    // Six months after the active customer's last activity, theirs go too.
    await runExpiry(start.plus({ months: 11, days: 1 }));
    expect((await expiryEntries(active)).map((entry) => entry.points)).toEqual([-340]);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });
});
