import { defaultCouponSettings } from "../../../server/domain/coupons/coupon-settings.js";
import { orderQualifiesForCoupon, type OrderFacts } from "../../../server/domain/coupons/order-qualifies-for-coupon.js";

const firstOrder: OrderFacts = {
  hasCustomer: true,
  previousOrders: 0,
  subtotal: "40.00",
  usedDiscountCode: false,
  cancelled: false,
};

describe("orderQualifiesForCoupon", () => {
  test("by default a customer's first order qualifies and a second does not", () => {
    expect(orderQualifiesForCoupon(defaultCouponSettings, firstOrder)).toEqual({ qualifies: true });
    expect(orderQualifiesForCoupon(defaultCouponSettings, { ...firstOrder, previousOrders: 1 })).toEqual({
      qualifies: false,
      reason: "only first orders earn a coupon",
    });
  });

  test("every order, or repeat customers only", () => {
    const every = { ...defaultCouponSettings, eligibility: "every_order" as const };
    const repeat = { ...defaultCouponSettings, eligibility: "repeat_customers" as const };
    expect(orderQualifiesForCoupon(every, { ...firstOrder, previousOrders: 5 }).qualifies).toBe(true);
    expect(orderQualifiesForCoupon(repeat, firstOrder).qualifies).toBe(false);
    expect(orderQualifiesForCoupon(repeat, { ...firstOrder, previousOrders: 2 }).qualifies).toBe(true);
  });

  test("guests, cancelled orders and switched-off coupons never qualify", () => {
    expect(orderQualifiesForCoupon(defaultCouponSettings, { ...firstOrder, hasCustomer: false }).qualifies).toBe(false);
    expect(orderQualifiesForCoupon(defaultCouponSettings, { ...firstOrder, cancelled: true }).qualifies).toBe(false);
    expect(orderQualifiesForCoupon({ ...defaultCouponSettings, enabled: false }, firstOrder).qualifies).toBe(false);
  });

  test("a minimum order subtotal, and optionally orders that used a code", () => {
    const minimum = { ...defaultCouponSettings, minimumOrderSubtotal: "50.00" };
    expect(orderQualifiesForCoupon(minimum, firstOrder)).toEqual({
      qualifies: false,
      reason: "the order is under the 50.00 minimum",
    });
    expect(orderQualifiesForCoupon(minimum, { ...firstOrder, subtotal: "50.00" }).qualifies).toBe(true);
    const noStacking = { ...defaultCouponSettings, excludeOrdersWithCode: true };
    expect(orderQualifiesForCoupon(noStacking, { ...firstOrder, usedDiscountCode: true }).qualifies).toBe(false);
    expect(orderQualifiesForCoupon(defaultCouponSettings, { ...firstOrder, usedDiscountCode: true }).qualifies).toBe(
      true,
    );
  });
});
