// Money arithmetic in integer cents, formatted the way Shopify's payloads carry amounts ("123.45").

export function toCents(amount: string): number {
  if (!/^-?\d+(\.\d{1,2})?$/.test(amount)) {
    throw new Error(`not a money amount: ${amount}`);
  }
  return Math.round(Number(amount) * 100);
}

export function formatCents(cents: number): string {
  return (Math.round(cents) / 100).toFixed(2);
}
