// Unguessable coupon codes: a prefix, then 12 characters from an alphabet without look-alikes (59 bits, CSPRNG).
import { randomBytes } from "node:crypto";

/** No 0/O, 1/I/L: shoppers type codes from emails. 31 symbols. */
export const couponAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const randomLength = 12;

// A byte's low 5 bits give 0..31 uniformly; 31 has no symbol and is redrawn, which keeps every symbol equally likely.
export function generateCouponCode(prefix: string): string {
  let code = "";
  while (code.length < randomLength) {
    for (const byte of randomBytes(randomLength)) {
      const index = byte & 31;
      if (index < couponAlphabet.length && code.length < randomLength) code += couponAlphabet[index];
    }
  }
  return prefix ? `${prefix}-${code}` : code;
}

/** log2(31^12) ≈ 59.4 bits. */
export const couponCodeEntropyBits = randomLength * Math.log2(couponAlphabet.length);
