// Asks for the coupon until the view state settles, waiting between pending answers and stopping at the poll bound.
import {
  MAX_ATTEMPTS,
  nextCouponViewState,
  pollDelayMs,
  type CouponFetchResult,
  type CouponViewState,
} from "./coupon-view-state.js";

export interface PollCouponOptions {
  initial: CouponViewState;
  fetchOnce: () => Promise<CouponFetchResult>;
  onState: (state: CouponViewState) => void;
  sleep: (ms: number) => Promise<void>;
  /** True once the block is gone: no more requests, no more state updates. */
  isCancelled: () => boolean;
  now?: () => Date;
  /** The wait after `attempts` pending answers; the extension's backoff unless a test says otherwise. */
  delayMs?: (attempts: number) => number;
  maxAttempts?: number;
}

export async function pollCoupon(options: PollCouponOptions): Promise<CouponViewState> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  let state = options.initial;
  while (state.phase === "loading") {
    if (state.attempts > 0) await options.sleep((options.delayMs ?? pollDelayMs)(state.attempts));
    if (options.isCancelled()) return state;
    const result = await options.fetchOnce();
    if (options.isCancelled()) return state;
    state = nextCouponViewState(state, result, { now: now(), maxAttempts });
    options.onState(state);
  }
  return state;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
