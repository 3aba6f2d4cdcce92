// What GET /api/coupons answers (the coupons part's contract).

export type CouponListStatus = "issued" | "redeemed" | "expired" | "failed" | "pending";

export interface CouponListItem {
  id: number;
  code: string;
  status: CouponListStatus;
  orderId: string;
  orderName: string | null;
  customer: { id: number; name: string | null; email: string | null } | null;
  kind: "percentage" | "fixed_amount" | "free_shipping";
  value: string;
  currencyCode: string;
  minimumSubtotal: string | null;
  endsAt: string;
  redeemedAt: string | null;
  redeemedOrderName: string | null;
  revenue: string | null;
  lastError: string | null;
}

export interface CouponListAnswer {
  coupons: CouponListItem[];
  nextCursor: string | null;
  summary: { issued: number; redeemed: number; expired: number; failed: number; revenue: string; currencyCode: string };
}
