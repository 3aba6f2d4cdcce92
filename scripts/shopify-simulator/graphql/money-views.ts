// Shopify's GraphQL money shapes (MoneyV2, MoneyBag) from integer cents.
import { formatCents } from "../state/money.js";

export function moneyV2(cents: number, currencyCode: string) {
  return { amount: formatCents(cents), currencyCode };
}

export function moneyBag(cents: number, currencyCode: string) {
  return { shopMoney: moneyV2(cents, currencyCode), presentmentMoney: moneyV2(cents, currencyCode) };
}
