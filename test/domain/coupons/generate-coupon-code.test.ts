import {
  couponAlphabet,
  couponCodeEntropyBits,
  generateCouponCode,
} from "../../../server/domain/coupons/generate-coupon-code.js";

describe("generateCouponCode", () => {
  test("100,000 codes: no duplicate, only the allowed alphabet, the prefix kept", () => {
    const codes = new Set<string>();
    const allowed = new RegExp(`^THANKS-[${couponAlphabet}]{12}$`);
    for (let i = 0; i < 100_000; i += 1) {
      const code = generateCouponCode("THANKS");
      expect(allowed.test(code)).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(100_000);
  });

  test("the alphabet has no look-alike characters and gives at least 50 bits", () => {
    expect(couponAlphabet).not.toMatch(/[01OIL]/);
    expect(new Set(couponAlphabet).size).toBe(couponAlphabet.length);
    expect(couponCodeEntropyBits).toBeGreaterThanOrEqual(50);
  });

  test("every symbol is about equally likely (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i += 1) {
      for (const char of generateCouponCode("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    const expected = (20_000 * 12) / couponAlphabet.length;
    for (const char of couponAlphabet) {
      expect(Math.abs((counts.get(char) ?? 0) - expected) / expected).toBeLessThan(0.05);
    }
  });
});
