import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

let stack: TestStack;
let domain: string;

beforeAll(async () => {
  stack = await startTestStack();
  domain = await installShop(stack);
  const shop = await stack.services.prisma.shop.update({
    where: { domain },
    data: { ianaTimezone: "Asia/Jakarta" },
  });
  // Jakarta is UTC+7: 2026-09-30T17:30Z is already 1 October there.
  const answers: [number, string][] = [
    [10, "2026-09-10T03:00:00Z"],
    [3, "2026-09-30T16:59:00Z"], // 23:59 on 30 September in Jakarta
    [9, "2026-09-30T17:30:00Z"], // 00:30 on 1 October in Jakarta
    [7, "2026-10-15T05:00:00Z"],
    [6, "2026-10-20T05:00:00Z"],
    [10, "2026-12-01T01:00:00Z"],
  ];
  for (const [index, [score, at]] of answers.entries()) {
    await stack.services.repositories.npsResponses.recordAnswer({
      shopId: shop.id,
      shopifyOrderId: BigInt(9000 + index),
      score,
      language: "en",
      at: new Date(at),
    });
  }
});
afterAll(() => stack.stop());

const report = (query: string) =>
  fetch(`${stack.appUrl}/api/nps${query}`, {
    headers: adminHeaders(domain),
  });

describe("GET /api/nps", () => {
  test("September to November in the shop's time zone, worked by hand", async () => {
    const response = await report("?from=2026-09-01&to=2026-11-30");
    expect(response.status).toBe(200);
    // September: 10 and 3 -> 1 promoter, 1 detractor of 2 = 0. October: 9, 7, 6 -> 1 promoter, 1 passive,
    // 1 detractor = 0. November: nobody. Overall 2 promoters, 1 passive, 2 detractors of 5 = 40% - 40% = 0.
    expect(await response.json()).toEqual({
      from: "2026-09-01",
      to: "2026-11-30",
      score: 0,
      promoters: 2,
      passives: 1,
      detractors: 2,
      responses: 5,
      byMonth: [
        { month: "2026-09", score: 0, responses: 2 },
        { month: "2026-10", score: 0, responses: 3 },
        { month: "2026-11", score: null, responses: 0 },
      ],
    });
  });

  test("a single day boundary: 1 October alone holds the answer given at 00:30 Jakarta time", async () => {
    const body = (await (await report("?from=2026-10-01&to=2026-10-01")).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ score: 100, promoters: 1, responses: 1 });
  });

  test("October to December: 2 promoters, 1 passive, 1 detractor of 4 = 50% - 25% = 25", async () => {
    const body = (await (await report("?from=2026-10-01&to=2026-12-31")).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
  });

  test("an empty period: no score, zero counts, its months listed", async () => {
    expect(await (await report("?from=2025-01-01&to=2025-02-15")).json()).toEqual({
      from: "2025-01-01",
      to: "2025-02-15",
      score: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      responses: 0,
      byMonth: [
        { month: "2025-01", score: null, responses: 0 },
        { month: "2025-02", score: null, responses: 0 },
      ],
    });
  });

  test("a bad period is a 422 naming the field; no token is a 401", async () => {
    const reversed = await report("?from=2026-12-01&to=2026-11-01");
    expect(reversed.status).toBe(422);
    expect(await reversed.json()).toMatchObject({
      error: { code: "unprocessable", fields: { from: expect.any(String) } },
    });
    const garbled = await report("?to=yesterday");
    expect(garbled.status).toBe(422);
    expect(await garbled.json()).toMatchObject({ error: { fields: { to: expect.any(String) } } });
    expect((await fetch(`${stack.appUrl}/api/nps`)).status).toBe(401);
  });

  test("without a period: the twelve months up to today", async () => {
    const body = (await (await report("")).json()) as { byMonth: unknown[]; to: string };
    expect(body.byMonth).toHaveLength(12);
    expect(body.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
