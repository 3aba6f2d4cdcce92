import {
  MAX_ATTEMPTS,
  couponView,
  initialCouponViewState,
  nextCouponViewState,
  readCouponAnswer,
  type Coupon,
  type CouponFetchResult,
  type CouponViewState,
} from "../../../extensions/thank-you-coupon/src/coupon-view-state.js";

const now = new Date("2026-11-25T12:00:00Z");
const coupon: Coupon = {
  code: "GLOW-7K3MXQ2PR9",
  kind: "percentage",
  value: "10.0",
  currencyCode: "USD",
  minimumSubtotal: "50.00",
  endsAt: "2026-12-25T12:00:00Z",
};
const ok = (body: unknown): CouponFetchResult => ({ kind: "response", status: 200, body });
const pending = ok({ status: "pending" });

function run(results: CouponFetchResult[], maxAttempts?: number): CouponViewState[] {
  const states: CouponViewState[] = [];
  let state = initialCouponViewState("gid://shopify/Order/1");
  for (const result of results) {
    state = nextCouponViewState(state, result, { now, maxAttempts });
    states.push(state);
  }
  return states;
}

describe("coupon view state", () => {
  it("starts loading for an order and hidden without one", () => {
    expect(initialCouponViewState("gid://shopify/Order/1")).toEqual({ phase: "loading", attempts: 0 });
    expect(initialCouponViewState(undefined)).toEqual({ phase: "hidden", reason: "no-order" });
    expect(initialCouponViewState("")).toEqual({ phase: "hidden", reason: "no-order" });
  });

  it("keeps loading while pending, then shows the coupon with its formatting inputs", () => {
    const states = run([pending, pending, ok({ status: "ready", coupon })]);
    expect(states.map((state) => state.phase)).toEqual(["loading", "loading", "ready"]);
    expect(states[2]).toEqual({
      phase: "ready",
      view: {
        code: "GLOW-7K3MXQ2PR9",
        value: { kind: "percentage", fraction: 0.1 },
        minimum: { amount: 50, currencyCode: "USD" },
        endsAt: new Date("2026-12-25T12:00:00Z"),
      },
    });
  });

  it("gives up after the poll bound: the last allowed pending answer hides the block", () => {
    const states = run(Array.from({ length: MAX_ATTEMPTS }, () => pending));
    expect(states.slice(0, -1).every((state) => state.phase === "loading")).toBe(true);
    expect(states.at(-1)).toEqual({ phase: "hidden", reason: "gave-up" });
    expect(run([pending, pending, pending], 3).at(-1)).toEqual({ phase: "hidden", reason: "gave-up" });
  });

  it("hides for an order that does not qualify", () => {
    expect(run([pending, ok({ status: "none" })]).at(-1)).toEqual({ phase: "hidden", reason: "none" });
  });

  it.each<[string, CouponFetchResult]>([
    ["a 500", { kind: "response", status: 500, body: null }],
    ["a 401", { kind: "response", status: 401, body: { status: "ready", coupon } }],
    ["a network error", { kind: "network-error" }],
    ["an unknown status", ok({ status: "done" })],
    ["a body that is not an object", ok("ready")],
    ["ready without a coupon", ok({ status: "ready" })],
    ["a coupon of unknown kind", ok({ status: "ready", coupon: { ...coupon, kind: "bogo" } })],
    ["an empty code", ok({ status: "ready", coupon: { ...coupon, code: " " } })],
    ["a value that is not a decimal", ok({ status: "ready", coupon: { ...coupon, value: "1e3" } })],
    ["a percentage over 100", ok({ status: "ready", coupon: { ...coupon, value: "150" } })],
    ["a zero fixed amount", ok({ status: "ready", coupon: { ...coupon, kind: "fixed_amount", value: "0.00" } })],
    ["a bad currency", ok({ status: "ready", coupon: { ...coupon, currencyCode: "usd" } })],
    ["a bad minimum", ok({ status: "ready", coupon: { ...coupon, minimumSubtotal: "-5" } })],
    ["a bad date", ok({ status: "ready", coupon: { ...coupon, endsAt: "soon" } })],
  ])("treats %s as a backend failure and hides", (_name, result) => {
    expect(run([result]).at(-1)).toEqual({ phase: "hidden", reason: "failure" });
  });

  it("hides a coupon that has already expired", () => {
    const expired = ok({ status: "ready", coupon: { ...coupon, endsAt: "2026-11-01T00:00:00Z" } });
    expect(run([expired]).at(-1)).toEqual({ phase: "hidden", reason: "expired" });
  });

  it("never changes once settled", () => {
    const states = run([ok({ status: "none" }), ok({ status: "ready", coupon }), pending]);
    expect(states).toEqual([
      { phase: "hidden", reason: "none" },
      { phase: "hidden", reason: "none" },
      { phase: "hidden", reason: "none" },
    ]);
  });

  it("reads fixed amounts, free shipping, and absent minimum or expiry", () => {
    expect(couponView({ ...coupon, kind: "fixed_amount", value: "5.00", minimumSubtotal: null, endsAt: null })).toEqual(
      {
        code: "GLOW-7K3MXQ2PR9",
        value: { kind: "fixed_amount", amount: 5, currencyCode: "USD" },
        minimum: null,
        endsAt: null,
      },
    );
    expect(couponView({ ...coupon, kind: "free_shipping", value: "" })?.value).toEqual({ kind: "free_shipping" });
    expect(couponView({ ...coupon, minimumSubtotal: "0.00" })?.minimum).toBeNull();
  });

  it("passes pending and none through as they are", () => {
    expect(readCouponAnswer(pending)).toEqual({ status: "pending" });
    expect(readCouponAnswer(ok({ status: "none" }))).toEqual({ status: "none" });
  });
});
