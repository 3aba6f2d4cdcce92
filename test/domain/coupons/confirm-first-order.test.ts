import { firstOrderVerdict } from "../../../server/domain/coupons/confirm-first-order.js";

describe("firstOrderVerdict", () => {
  test("Shopify counting only this order (or none yet) confirms a first order", () => {
    expect(firstOrderVerdict({ numberOfOrders: 1, oldestOrderId: null }, 10n)).toEqual({ first: true });
    expect(firstOrderVerdict({ numberOfOrders: 0, oldestOrderId: null }, 10n)).toEqual({ first: true });
  });

  test("an earlier order in Shopify (history we never imported) means it is not a first order", () => {
    const verdict = firstOrderVerdict({ numberOfOrders: 3, oldestOrderId: 7n }, 10n);
    expect(verdict).toEqual({ first: false, reason: expect.stringContaining("Shopify counts 3 orders") });
  });

  test("two orders where this one is the oldest: the later one raced it, this one stays first", () => {
    expect(firstOrderVerdict({ numberOfOrders: 2, oldestOrderId: 10n }, 10n)).toEqual({ first: true });
    expect(firstOrderVerdict({ numberOfOrders: 2, oldestOrderId: 10n }, 11n).first).toBe(false);
  });
});
