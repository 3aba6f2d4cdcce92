// Preact hook: runs the coupon poll for one order and re-renders the block as its state changes.
import { useEffect, useState } from "preact/hooks";
import { initialCouponViewState, type CouponFetchResult, type CouponViewState } from "./coupon-view-state.js";
import { pollCoupon, sleep } from "./poll-coupon.js";
import { requestCoupon } from "./request-coupon.js";
import type { CouponExtensionApi } from "./shopify-api.js";

/** Injected by esbuild; the fallback only matters for a bundle built without the define. */
const APP_URL = process.env.AFTERGLOW_APP_URL || "http://127.0.0.1:3000";

/** `onResult` sees every answer (the delivery window rides along with the coupon's); read once per order. */
export function useCouponViewState(
  orderId: string | undefined,
  api: CouponExtensionApi,
  onResult?: (result: CouponFetchResult) => void,
): CouponViewState {
  const [state, setState] = useState(() => initialCouponViewState(orderId));
  useEffect(() => {
    const initial = initialCouponViewState(orderId);
    setState(initial);
    if (!orderId) return undefined;
    let cancelled = false;
    void pollCoupon({
      initial,
      fetchOnce: async () => {
        const result = await requestCoupon({ appUrl: APP_URL, orderId, getToken: () => api.sessionToken.get() });
        if (!cancelled) onResult?.(result);
        return result;
      },
      onState: setState,
      sleep,
      isCancelled: () => cancelled,
    });
    return () => {
      cancelled = true;
    };
  }, [orderId, api]);
  return state;
}
