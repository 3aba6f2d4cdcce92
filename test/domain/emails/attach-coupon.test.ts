import { couponRecheckMs, couponWaitMs } from "../../../server/domain/emails/attach-coupon.js";

describe("waiting for the thank-you coupon before sending the order email", () => {
  test("rechecks back off with the email's age: about 1, 2, 4, 8 s, never more than 30 s apart", () => {
    let age = 0;
    const waits: number[] = [];
    while (age < couponWaitMs) {
      const wait = couponRecheckMs(age);
      waits.push(wait);
      age += wait;
    }
    expect(waits.slice(0, 5)).toEqual([1000, 1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(30_000);
    // A coupon stuck for the whole two minutes costs the email about ten checks, not sixty.
    expect(waits.length).toBeLessThanOrEqual(10);
  });
});
