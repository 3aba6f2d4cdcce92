// Decides what the coupon block shows from the backend's answers over time: loading, a coupon, or nothing.

/**
 * Waits before each retry of a pending answer: short at first (the code is usually ready within a second or two),
 * then backing off, so a slow job costs a page a handful of requests rather than one every second.
 */
export const POLL_DELAYS_MS = [400, 600, 800, 1000, 1500, 2000, 3000, 3000, 3000] as const;
/** At most this many requests in all (about 15 s): a coupon job slower than that is not worth a skeleton. */
export const MAX_ATTEMPTS = POLL_DELAYS_MS.length + 1;

/** The wait before request number `attempts + 1`, after `attempts` pending answers. */
export function pollDelayMs(attempts: number): number {
  return POLL_DELAYS_MS[Math.min(Math.max(attempts, 1), POLL_DELAYS_MS.length) - 1] ?? 3000;
}

export type CouponKind = "percentage" | "fixed_amount" | "free_shipping";

/** The coupon as the backend sends it (money and percentages as decimal strings). */
export interface Coupon {
  code: string;
  kind: CouponKind;
  value: string;
  currencyCode: string;
  minimumSubtotal: string | null;
  endsAt: string | null;
}

/** What one request to the backend came back with, before anyone judged it. */
export type CouponFetchResult = { kind: "response"; status: number; body: unknown } | { kind: "network-error" };

export type CouponAnswer =
  { status: "pending" } | { status: "none" } | { status: "ready"; coupon: Coupon } | { status: "failure" };

export type CouponValue =
  | { kind: "percentage"; fraction: number }
  | { kind: "fixed_amount"; amount: number; currencyCode: string }
  | { kind: "free_shipping" };

/** Everything the block needs to format the coupon in the shopper's language. */
export interface CouponView {
  code: string;
  value: CouponValue;
  minimum: { amount: number; currencyCode: string } | null;
  endsAt: Date | null;
}

export type HiddenReason = "no-order" | "none" | "failure" | "gave-up" | "expired";

export type CouponViewState =
  | { phase: "loading"; attempts: number }
  | { phase: "ready"; view: CouponView }
  | { phase: "hidden"; reason: HiddenReason };

export interface CouponDecisionOptions {
  now: Date;
  maxAttempts?: number;
}

const KINDS: readonly string[] = ["percentage", "fixed_amount", "free_shipping"];
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Before any answer the block is loading; without an order id there is nothing to ask about. */
export function initialCouponViewState(orderId: string | undefined): CouponViewState {
  return orderId ? { phase: "loading", attempts: 0 } : { phase: "hidden", reason: "no-order" };
}

/** Folds one more backend answer into the state; settled states (ready, hidden) never change again. */
export function nextCouponViewState(
  state: CouponViewState,
  result: CouponFetchResult,
  options: CouponDecisionOptions,
): CouponViewState {
  if (state.phase !== "loading") return state;
  const attempts = state.attempts + 1;
  const answer = readCouponAnswer(result);
  switch (answer.status) {
    case "pending":
      return attempts >= (options.maxAttempts ?? MAX_ATTEMPTS)
        ? { phase: "hidden", reason: "gave-up" }
        : { phase: "loading", attempts };
    case "none":
      return { phase: "hidden", reason: "none" };
    case "failure":
      return { phase: "hidden", reason: "failure" };
    case "ready":
      return readyState(answer.coupon, options.now);
  }
}

function readyState(coupon: Coupon, now: Date): CouponViewState {
  const view = couponView(coupon);
  if (!view) return { phase: "hidden", reason: "failure" };
  // A coupon that can no longer be used would only disappoint.
  if (view.endsAt && view.endsAt.getTime() <= now.getTime()) return { phase: "hidden", reason: "expired" };
  return { phase: "ready", view };
}

/** Reads the backend's contract; anything off-contract counts as a backend failure, which the shopper never sees. */
export function readCouponAnswer(result: CouponFetchResult): CouponAnswer {
  if (result.kind !== "response" || result.status !== 200 || !isRecord(result.body)) return { status: "failure" };
  const { status, coupon } = result.body;
  if (status === "pending" || status === "none") return { status };
  if (status === "ready" && isCoupon(coupon)) return { status: "ready", coupon };
  return { status: "failure" };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCoupon(value: unknown): value is Coupon {
  if (!isRecord(value)) return false;
  const { code, kind, value: amount, currencyCode, minimumSubtotal, endsAt } = value;
  return (
    typeof code === "string" &&
    code.trim() !== "" &&
    typeof kind === "string" &&
    KINDS.includes(kind) &&
    typeof amount === "string" &&
    typeof currencyCode === "string" &&
    (minimumSubtotal === null || typeof minimumSubtotal === "string") &&
    (endsAt === null || typeof endsAt === "string")
  );
}

/** The formatting inputs for a well-formed coupon, or null when its numbers or dates do not parse. */
export function couponView(coupon: Coupon): CouponView | null {
  if (!CURRENCY.test(coupon.currencyCode)) return null;
  const value = couponValue(coupon);
  if (!value) return null;
  const minimumAmount = coupon.minimumSubtotal === null ? null : decimal(coupon.minimumSubtotal);
  if (minimumAmount === undefined) return null;
  const endsAt = coupon.endsAt === null ? null : new Date(coupon.endsAt);
  if (endsAt && Number.isNaN(endsAt.getTime())) return null;
  return {
    code: coupon.code.trim(),
    value,
    // A zero minimum is no minimum: "on orders of $0.00 or more" says nothing.
    minimum: minimumAmount ? { amount: minimumAmount, currencyCode: coupon.currencyCode } : null,
    endsAt,
  };
}

function couponValue(coupon: Coupon): CouponValue | null {
  if (coupon.kind === "free_shipping") return { kind: "free_shipping" };
  const amount = decimal(coupon.value);
  if (!amount) return null;
  if (coupon.kind === "fixed_amount") return { kind: "fixed_amount", amount, currencyCode: coupon.currencyCode };
  return amount <= 100 ? { kind: "percentage", fraction: amount / 100 } : null;
}

/** A plain non-negative decimal string as a number; undefined for anything else ("1e3", "-5", "", "NaN"). */
function decimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}
