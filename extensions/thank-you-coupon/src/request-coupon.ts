// One request for an order's coupon to Afterglow's backend; every way it can go wrong becomes a result, never a throw.
import type { CouponFetchResult } from "./coupon-view-state.js";

export interface RequestCouponOptions {
  appUrl: string;
  orderId: string;
  getToken: () => Promise<string>;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

/** A request that hangs would keep the skeleton up forever, so each one is cut off after this long. */
const DEFAULT_TIMEOUT_MS = 8000;

export async function requestCoupon(options: RequestCouponOptions): Promise<CouponFetchResult> {
  const fetchFn = options.fetchFn ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const token = await options.getToken();
    const url = `${options.appUrl.replace(/\/+$/, "")}/api/checkout/coupon?orderId=${encodeURIComponent(options.orderId)}`;
    const response = await fetchFn(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      signal: controller.signal,
    });
    if (response.status !== 200) return { kind: "response", status: response.status, body: null };
    return { kind: "response", status: response.status, body: await response.json() };
  } catch {
    // Token, network, timeout and JSON errors all mean the same to the shopper: no coupon block.
    return { kind: "network-error" };
  } finally {
    clearTimeout(timer);
  }
}
