// Decides, as a checkout would, whether a discount code may be redeemed now, and which status the Admin API reports.
import { formatCents, toCents } from "./money.js";
import type { SimDiscountCodeRecord } from "./sim-types.js";

export type DiscountStatus = "ACTIVE" | "EXPIRED" | "SCHEDULED";

export interface RedemptionAttempt {
  customerId: number | null;
  /** The cart's merchandise before discounts, which Shopify compares with the minimum subtotal. */
  subtotalCents: number;
  at: Date;
}

export function discountStatus(record: SimDiscountCodeRecord, at: Date): DiscountStatus {
  if (record.startsAt > at) return "SCHEDULED";
  if (record.endsAt && record.endsAt <= at) return "EXPIRED";
  return "ACTIVE";
}

function customerRefusal(record: SimDiscountCodeRecord, customerId: number | null): string | null {
  const label = `discount code ${record.code}`;
  if (record.customerIds && (customerId === null || !record.customerIds.includes(customerId))) {
    const who = customerId === null ? "an order without a customer" : `customer ${customerId}`;
    return `${label} is limited to specific customers and cannot be used by ${who}`;
  }
  if (record.appliesOncePerCustomer && customerId !== null && record.usages.some((u) => u.customerId === customerId)) {
    return `${label} applies once per customer and customer ${customerId} has already used it`;
  }
  return null;
}

/** Why a checkout would refuse the code for this attempt, or null when it applies. */
export function redemptionRefusal(record: SimDiscountCodeRecord, attempt: RedemptionAttempt): string | null {
  const label = `discount code ${record.code}`;
  const status = discountStatus(record, attempt.at);
  if (status === "SCHEDULED") return `${label} is not active until ${record.startsAt.toISOString()}`;
  if (status === "EXPIRED") return `${label} expired at ${record.endsAt?.toISOString() ?? ""}`;
  if (record.usageLimit !== null && record.asyncUsageCount >= record.usageLimit) {
    return `${label} has reached its usage limit of ${record.usageLimit}`;
  }
  const customer = customerRefusal(record, attempt.customerId);
  if (customer) return customer;
  if (record.minimumSubtotal !== null && attempt.subtotalCents < toCents(record.minimumSubtotal)) {
    return `${label} needs a subtotal of at least ${record.minimumSubtotal}, the cart has ${formatCents(attempt.subtotalCents)}`;
  }
  return null;
}
