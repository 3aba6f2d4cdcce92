// How many points a paid order earns: floor(subtotal after discounts x points per currency unit).
const scale = 10_000n;

/** Exact decimal arithmetic: "19.99" x "1.5" must give 29, never 29.984999... rounded the wrong way. */
export function pointsForOrder(subtotal: string, pointsPerCurrencyUnit: string): number {
  const amount = toScaled(subtotal);
  const rate = toScaled(pointsPerCurrencyUnit);
  if (amount <= 0n || rate <= 0n) return 0;
  return Number((amount * rate) / (scale * scale));
}

function toScaled(decimal: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${decimal}"`);
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = BigInt(whole) * scale + BigInt(fraction.padEnd(4, "0").slice(0, 4));
  return sign === "-" ? -digits : digits;
}
