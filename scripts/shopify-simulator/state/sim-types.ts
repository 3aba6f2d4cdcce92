// The simulator's in-memory model of a Shopify store: shops, customers, orders, discount codes and what happens to them.

export const CURRENCY_CODES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "JPY",
  "CHF",
  "SEK",
  "DKK",
  "NOK",
  "NZD",
  "PLN",
  // Indonesian and Philippine shops, whose time zones (Asia/Jakarta, Asia/Manila) delivery estimates are tested in.
  "IDR",
  "PHP",
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const COUNTRY_CODES = [
  "US",
  "CA",
  "GB",
  "FR",
  "DE",
  "ES",
  "IT",
  "NL",
  "BE",
  "AU",
  "JP",
  "CH",
  "SE",
  "DK",
  "NO",
  "NZ",
  "PL",
  "IE",
  "ID",
  "PH",
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export const SHIPMENT_STATUSES = [
  "label_printed",
  "label_purchased",
  "attempted_delivery",
  "ready_for_pickup",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export type DiscountType = "fixed_amount" | "percentage" | "shipping";
export type FinancialStatus = "pending" | "paid" | "partially_refunded" | "refunded" | "voided";
export type CancelReason = "customer" | "fraud" | "inventory" | "declined" | "other";

export interface SimShop {
  id: number;
  domain: string;
  name: string;
  email: string;
  currencyCode: CurrencyCode;
  ianaTimezone: string;
  countryCode: CountryCode;
  restoreRate: number;
  maximumAvailable: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimCustomer {
  id: number;
  shopDomain: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  locale: string;
  acceptsMarketing: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimLineItem {
  id: number;
  title: string;
  /** Unit price, a decimal string with 2 places, as Shopify sends money. */
  price: string;
  quantity: number;
  sku: string | null;
  variantId: number;
  productId: number;
}

export interface SimDiscountCode {
  code: string;
  amount: string;
  type: DiscountType;
}

/** What a discount code takes off: a share of the merchandise, a fixed amount, or the shipping. */
export type SimDiscountValue =
  | { type: "percentage"; percentage: number }
  | { type: "fixed_amount"; amount: string; appliesOnEachItem: boolean }
  | { type: "free_shipping" };

export interface SimDiscountCombinesWith {
  orderDiscounts: boolean;
  productDiscounts: boolean;
  shippingDiscounts: boolean;
}

export interface SimDiscountUsage {
  orderId: number;
  customerId: number | null;
  at: Date;
}

/** A code discount the app created through the Admin API (one code per discount, as the app issues them). */
export interface SimDiscountCodeRecord {
  /** The DiscountCodeNode id. */
  id: number;
  /** The DiscountRedeemCode id of its single code. */
  redeemCodeId: number;
  shopDomain: string;
  title: string;
  code: string;
  value: SimDiscountValue;
  /** null: any buyer may redeem it; otherwise only these customers. */
  customerIds: number[] | null;
  /** Merchandise subtotal the cart must reach, a decimal string; null: no minimum. */
  minimumSubtotal: string | null;
  combinesWith: SimDiscountCombinesWith;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  startsAt: Date;
  endsAt: Date | null;
  asyncUsageCount: number;
  usages: SimDiscountUsage[];
  createdAt: Date;
  updatedAt: Date;
}

export type CreateDiscountCodeInput = Omit<
  SimDiscountCodeRecord,
  "id" | "redeemCodeId" | "shopDomain" | "asyncUsageCount" | "usages" | "createdAt" | "updatedAt"
>;

export interface SimFulfillment {
  id: number;
  orderId: number;
  status: "success" | "cancelled";
  shipmentStatus: ShipmentStatus | null;
  trackingCompany: string;
  trackingNumber: string;
  lineItemIds: number[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SimRefundLine {
  id: number;
  lineItemId: number;
  quantity: number;
}

export interface SimRefund {
  id: number;
  orderId: number;
  note: string | null;
  lines: SimRefundLine[];
  transactionId: number;
  createdAt: Date;
}

export interface SimOrder {
  id: number;
  shopDomain: string;
  orderNumber: number;
  customerId: number | null;
  email: string | null;
  lineItems: SimLineItem[];
  discountCodes: SimDiscountCode[];
  shippingPrice: string;
  taxRate: number;
  currency: CurrencyCode;
  customerLocale: string;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date;
  cancelledAt: Date | null;
  cancelReason: CancelReason | null;
  closedAt: Date | null;
  financialStatus: FinancialStatus;
  fulfillments: SimFulfillment[];
  refunds: SimRefund[];
  test: boolean;
}

export interface CreateShopInput {
  domain: string;
  name: string;
  email?: string;
  currencyCode?: CurrencyCode;
  ianaTimezone?: string;
  countryCode?: CountryCode;
  restoreRate?: number;
  maximumAvailable?: number;
}

export interface CreateCustomerInput {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  locale?: string;
  acceptsMarketing?: boolean;
}

export interface CreateOrderInput {
  customerId?: number | null;
  email?: string | null;
  lineItems: { title: string; price: string; quantity: number; sku?: string }[];
  discountCodes?: SimDiscountCode[];
  shippingPrice?: string;
  taxRate?: number;
  customerLocale?: string;
  processedAt?: Date;
  test?: boolean;
}

export interface FulfillOrderInput {
  trackingCompany: string;
  trackingNumber: string;
}

export interface RefundOrderInput {
  lineItems: { lineItemId: number; quantity: number }[];
  note?: string;
}

/** Thrown for requests the simulator refuses; `status` is what the control API answers. */
export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = "SimulatorError";
  }
}
