// The demo's scripted shop: customers, their orders, and the points each must end with (worked out by hand).
export const demoShop = {
  domain: "glow-and-co.myshopify.com",
  name: "Glow & Co.",
  email: "owner@glow-and-co.example",
  currencyCode: "USD" as const,
  ianaTimezone: "Asia/Manila",
  countryCode: "US" as const,
};

export interface DemoCustomer {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
}

export const demoCustomers: DemoCustomer[] = [
  { key: "maria", firstName: "Maria", lastName: "Santos", email: "maria@example.ph", locale: "fil" },
  { key: "budi", firstName: "Budi", lastName: "Hartono", email: "budi@example.id", locale: "id" },
  { key: "clara", firstName: "Clara", lastName: "Jensen", email: "clara@example.com", locale: "en" },
  { key: "dewi", firstName: "Dewi", lastName: "Lestari", email: "dewi@example.id", locale: "id" },
];

export type DeliveryStyle = "normal" | "duplicated" | "reordered";

export interface DemoOrder {
  customer: string | null;
  lineItems: { title: string; price: string; quantity: number }[];
  discountCodes?: { code: string; amount: string; type: "percentage" | "fixed_amount" }[];
  paid: boolean;
  /** duplicated: every webhook delivered three times; reordered: orders/paid arrives before orders/create. */
  delivery: DeliveryStyle;
  fulfil?: boolean;
  /** Pays with the 10% thank-you code Afterglow gave this customer after their first order. */
  useThankYouCode?: boolean;
  story: string;
}

export const demoOrders: DemoOrder[] = [
  {
    customer: "maria",
    lineItems: [{ title: "Linen tote", price: "24.50", quantity: 2 }],
    paid: true,
    delivery: "normal",
    fulfil: true,
    story: "first order, paid and shipped",
  },
  {
    customer: "budi",
    lineItems: [{ title: "Batik shirt", price: "90.00", quantity: 1 }],
    discountCodes: [{ code: "WELCOME10", amount: "10.00", type: "fixed_amount" }],
    paid: true,
    delivery: "normal",
    story: "paid with a 10.00 discount code: points on the subtotal after discounts",
  },
  {
    customer: "clara",
    lineItems: [{ title: "Soy candle", price: "12.00", quantity: 3 }],
    paid: true,
    delivery: "normal",
    story: "first order",
  },
  {
    customer: "clara",
    lineItems: [{ title: "Reed diffuser", price: "45.99", quantity: 1 }],
    paid: true,
    delivery: "duplicated",
    useThankYouCode: true,
    story: "comes back with her thank-you code; Shopify delivers the webhooks three times",
  },
  {
    customer: "dewi",
    lineItems: [{ title: "Rattan lamp", price: "150.00", quantity: 1 }],
    paid: true,
    delivery: "reordered",
    story: "orders/paid arrives before orders/create",
  },
  {
    customer: "dewi",
    lineItems: [{ title: "Gift card sleeve", price: "8.00", quantity: 1 }],
    paid: false,
    delivery: "normal",
    story: "awaiting payment: no points yet",
  },
  {
    customer: null,
    lineItems: [{ title: "Soy candle", price: "12.00", quantity: 2 }],
    paid: true,
    delivery: "normal",
    story: "guest checkout: recorded, no customer to reward",
  },
];

/**
 * Hand-computed with the default loyalty settings: 25 points for creating an account (available at once), then
 * floor(subtotal after discounts x 1 point per dollar) plus a 50-point first-order bonus, pending for the 14-day
 * return window.
 */
export const expectedPoints: Record<string, { available: number; pending: number }> = {
  maria: { available: 25, pending: 99 }, // 2 x 24.50 + 50
  budi: { available: 25, pending: 130 }, // 90.00 - 10.00 + 50
  clara: { available: 25, pending: 127 }, // 36.00 + 50 + floor(45.99 - 4.60 thank-you discount)
  dewi: { available: 25, pending: 200 }, // 150 + 50; the unpaid 8.00 order earns nothing
};

/** Hand-worked: every customer's first order earns a 10% code (the default settings); Clara uses hers. */
export const expectedCoupons: Record<string, "issued" | "redeemed"> = {
  maria: "issued",
  budi: "issued",
  clara: "redeemed",
  dewi: "issued",
};
