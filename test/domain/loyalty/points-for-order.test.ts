import { pointsForOrder } from "../../../server/domain/loyalty/points-for-order.js";

describe("pointsForOrder", () => {
  test("one point per currency unit, rounded down", () => {
    expect(pointsForOrder("42.99", "1")).toBe(42);
    expect(pointsForOrder("0.99", "1")).toBe(0);
  });

  test("exact decimal arithmetic where floats would round wrongly", () => {
    // 19.99 * 1.5 = 29.985 exactly: floor is 29; 0.1 + 0.2 style errors must not show.
    expect(pointsForOrder("19.99", "1.5")).toBe(29);
    expect(pointsForOrder("100.10", "3")).toBe(300);
    expect(pointsForOrder("1000000.00", "2.25")).toBe(2_250_000);
  });

  test("fractional rates and whole-number subtotals", () => {
    expect(pointsForOrder("250", "0.1")).toBe(25);
    expect(pointsForOrder("9.99", "0.1")).toBe(0);
  });

  test("zero, negative and zero-rate orders earn nothing", () => {
    expect(pointsForOrder("0.00", "1")).toBe(0);
    expect(pointsForOrder("-5.00", "1")).toBe(0);
    expect(pointsForOrder("50.00", "0")).toBe(0);
  });

  test("a malformed amount is an error, not zero points", () => {
    expect(() => pointsForOrder("12,50", "1")).toThrow(/not a decimal amount/);
  });
});
