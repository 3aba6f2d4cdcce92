// Builds Shopify's REST money-set shape: the same amount in shop and presentment currency.
import { formatCents } from "../state/money.js";

export interface MoneySet {
  shop_money: { amount: string; currency_code: string };
  presentment_money: { amount: string; currency_code: string };
}

export function moneySet(cents: number, currency: string): MoneySet {
  const money = { amount: formatCents(cents), currency_code: currency };
  return { shop_money: money, presentment_money: { ...money } };
}
