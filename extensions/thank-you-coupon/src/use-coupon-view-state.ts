// Preact hook: runs the coupon poll for one order and re-renders the block as its state changes.
import { useEffect, useState } from "preact/hooks";
import { initialCouponViewState, type CouponViewState } from "./coupon-view-state.js";
import { pollCoupon, sleep } from "./poll-coupon.js";
import { requestCoupon } from "./request-coupon.js";
import type { CouponExtensionApi } from "./shopify-api.js";

/** Injected by esbuild; the fallback only matters for a bundle built without the define. */
const APP_URL = process.env.AFTERGLOW_APP_URL || "http://127.0.0.1:3000";

export function useCouponViewState(orderId: string | undefined, api: CouponExtensionApi): CouponViewState {
  const [state, setState] = useState(() => initialCouponViewState(orderId));
  useEffect(() => {
    const initial = initialCouponViewState(orderId);
    setState(initial);
    if (!orderId) return undefined;
    let cancelled = false;
    void pollCoupon({
      initial,
      fetchOnce: () => requestCoupon({ appUrl: APP_URL, orderId, getToken: () => api.sessionToken.get() }),
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
