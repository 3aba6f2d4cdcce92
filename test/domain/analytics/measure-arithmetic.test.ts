import { csvCell, csvOf } from "../../../server/domain/analytics/measure-csv.js";
import { centsOf, moneyOf, percentOf } from "../../../server/domain/analytics/measure-result.js";
import {
  averageOrderValue,
  customerLifetimeValue,
  customerRetentionRate,
  type PeriodOrderCounts,
} from "../../../server/domain/analytics/order-measures.js";
import { pointsLiability } from "../../../server/domain/analytics/loyalty-measures.js";
import { quintileScore, segmentOf, topCustomerRevenueShare } from "../../../server/domain/analytics/rfm-segments.js";

const counts = (overrides: Partial<PeriodOrderCounts>): PeriodOrderCounts => ({
  orders: 0,
  netRevenue: "0",
  customerOrders: 0,
  repeatOrders: 0,
  customersOrdering: 0,
  returningCustomers: 0,
  customersAtStart: 0,
  customersAtEnd: 0,
  newCustomers: 0,
  ...overrides,
});

describe("ratios never divide by zero", () => {
  test("percentOf(1, 0) is null, percentOf(1, 3) is 33.3", () => {
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
  });

  test("retention with nobody at the start is 'not enough data', even when customers arrived", () => {
    expect(customerRetentionRate(counts({ customersAtEnd: 5, newCustomers: 5 }))).toMatchObject({
      value: null,
      reason: "not enough data",
    });
  });

  test("AOV of only guest orders: 3 orders, 100.00 net -> 33.33 (rounded to the cent)", () => {
    expect(averageOrderValue(counts({ orders: 3, netRevenue: "100.00" })).value).toBe("33.33");
  });

  test("a fully refunded period: net 0.00 over 2 orders is an AOV of 0.00, not null", () => {
    expect(averageOrderValue(counts({ orders: 2, netRevenue: "0.00" })).value).toBe("0.00");
  });

  test("CLV is refused when retention is 100% or more: (5 - 1) / 4 = 100%, so churn 0", () => {
    const result = customerLifetimeValue(
      counts({
        orders: 4,
        netRevenue: "40",
        customerOrders: 4,
        customersOrdering: 2,
        customersAtStart: 4,
        customersAtEnd: 5,
        newCustomers: 1,
      }),
    );
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/^not enough data/);
  });

  test("top 20% share is null when customers' net revenue is zero (all refunded)", () => {
    expect(
      topCustomerRevenueShare({ customers: 2, topCustomers: 1, topRevenue: "0", totalRevenue: "0" }).value,
    ).toBeNull();
  });

  test("a redemption rate of 0 points a unit values nothing rather than dividing by zero", () => {
    const result = pointsLiability({
      availablePoints: 10,
      pendingPoints: 0,
      customersWithPoints: 1,
      pointsPerCurrencyUnit: 0,
      defaultRate: false,
    });
    expect(result.value).toBeNull();
  });
});

describe("money", () => {
  test("cents round-trip and negative amounts", () => {
    expect(centsOf("12.34")).toBe(1234);
    expect(moneyOf(1234)).toBe("12.34");
    expect(moneyOf(-5)).toBe("-0.05");
    expect(moneyOf(100 / 3)).toBe("0.33");
  });
});

describe("RFM scoring", () => {
  test("quintiles of 10 customers: ranks 1-2 score 1, 3-4 score 2, ... 9-10 score 5", () => {
    expect(Array.from({ length: 10 }, (_, index) => quintileScore(index + 1, 10))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  test("every one of the 125 score triples lands in a named segment", () => {
    const names = new Set<string>();
    for (let r = 1; r <= 5; r += 1)
      for (let f = 1; f <= 5; f += 1) for (let m = 1; m <= 5; m += 1) names.add(segmentOf(r, f, m));
    expect([...names].sort()).toEqual(["at_risk", "champions", "hibernating", "lost", "loyal", "new"]);
  });

  test("named corners: 5-5-5 champions, 5-5-1 loyal, 1-5-5 at risk, 5-1-1 new, 3-1-1 hibernating, 1-1-5 lost", () => {
    expect([
      segmentOf(5, 5, 5),
      segmentOf(5, 5, 1),
      segmentOf(1, 5, 5),
      segmentOf(5, 1, 1),
      segmentOf(3, 1, 1),
      segmentOf(1, 1, 5),
    ]).toEqual(["champions", "loyal", "at_risk", "new", "hibernating", "lost"]);
  });
});

describe("CSV escaping", () => {
  test("commas, quotes and line breaks are quoted with quotes doubled; formulas are defused; numbers are not", () => {
    expect(csvCell('He said "hi", then left')).toBe('"He said ""hi"", then left"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell(null)).toBe("");
    expect(
      csvOf([
        ["a", 1],
        ["b,c", null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});
