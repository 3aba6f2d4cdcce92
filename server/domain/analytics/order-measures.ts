// Retention, repeat and value measures for a period, from counts the database aggregated (pure arithmetic).
import { centsOf, moneyOf, percentOf, ratioOf, resultOf } from "./measure-result.js";

/**
 * A period's orders as the analytics repository counts them. An order counts unless cancelled or voided; its
 * revenue is the subtotal after discounts minus refunded subtotals (net). A customer is someone with a counted
 * order (an account alone is not); guest orders have no customer.
 */
export interface PeriodOrderCounts {
  /** Every counted order in the period, guest orders included. */
  orders: number;
  netRevenue: string;
  /** Counted orders in the period that belong to a customer (guest orders left out). */
  customerOrders: number;
  /** Customer orders in the period whose customer had an earlier counted order (at any time before it). */
  repeatOrders: number;
  /** Customers with a counted order in the period. */
  customersOrdering: number;
  /** Of those, customers who had a counted order before the period began. */
  returningCustomers: number;
  /** Active customers (an order in the 365 days before) at the start and at the end of the period. */
  customersAtStart: number;
  customersAtEnd: number;
  /** Customers whose first counted order falls in the period. */
  newCustomers: number;
}

/** (E - N) / S x 100; it can exceed 100 when lapsed customers come back within the period. */
export function customerRetentionRate(counts: PeriodOrderCounts) {
  const { customersAtStart, customersAtEnd, newCustomers } = counts;
  return resultOf(percentOf(customersAtEnd - newCustomers, customersAtStart), "percent", {
    customersAtStart,
    customersAtEnd,
    newCustomers,
  });
}

export function repeatPurchaseRate(counts: PeriodOrderCounts) {
  const { repeatOrders, customerOrders } = counts;
  return resultOf(percentOf(repeatOrders, customerOrders), "percent", { repeatOrders, customerOrders });
}

export function returningCustomerRate(counts: PeriodOrderCounts) {
  const { returningCustomers, customersOrdering } = counts;
  return resultOf(percentOf(returningCustomers, customersOrdering), "percent", {
    returningCustomers,
    customersOrdering,
  });
}

export function purchaseFrequency(counts: PeriodOrderCounts) {
  const { customerOrders, customersOrdering } = counts;
  return resultOf(ratioOf(customerOrders, customersOrdering), "orders per customer", {
    customerOrders,
    customersOrdering,
  });
}

/** Net revenue / orders, guest orders included (a guest's basket is still an order's value). */
export function averageOrderValue(counts: PeriodOrderCounts) {
  const { orders, netRevenue } = counts;
  const value = orders > 0 ? moneyOf(centsOf(netRevenue) / orders) : null;
  return resultOf(value, "money", { orders, netRevenue: moneyOf(centsOf(netRevenue)) });
}

/**
 * CLV = average order value x purchase frequency x expected lifespan, where the lifespan in periods is
 * 1 / churn and churn = 1 - retention rate / 100 (all of the same period). No estimate when retention is
 * unknown or at least 100% (nobody churns, so the lifespan has no end to estimate).
 */
export function customerLifetimeValue(counts: PeriodOrderCounts) {
  const parts = {
    averageOrderValue: averageOrderValue(counts).value,
    purchaseFrequency: purchaseFrequency(counts).value,
    retentionRate: customerRetentionRate(counts).value,
  };
  const { orders, customerOrders, customersOrdering, customersAtStart, customersAtEnd, newCustomers } = counts;
  if (orders === 0 || customersOrdering === 0 || customersAtStart === 0) return resultOf(null, "money", parts);
  // Exact ratios, not the rounded parts: the estimate multiplies them.
  const churn = 1 - (customersAtEnd - newCustomers) / customersAtStart;
  if (churn <= 0) {
    return { ...resultOf(null, "money", parts), reason: "not enough data: retention is 100% or more, so no churn" };
  }
  const aovCents = centsOf(counts.netRevenue) / orders;
  const frequency = customerOrders / customersOrdering;
  const lifespanPeriods = Math.round(100 / churn) / 100;
  return resultOf(moneyOf((aovCents * frequency) / churn), "money", { ...parts, lifespanPeriods });
}
