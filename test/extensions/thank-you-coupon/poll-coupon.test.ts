import { pollCoupon } from "../../../extensions/thank-you-coupon/src/poll-coupon.js";
import { requestCoupon } from "../../../extensions/thank-you-coupon/src/request-coupon.js";
import { readOrderId } from "../../../extensions/thank-you-coupon/src/read-order-id.js";
import {
  MAX_ATTEMPTS,
  POLL_DELAYS_MS,
  initialCouponViewState,
  type CouponFetchResult,
  type CouponViewState,
} from "../../../extensions/thank-you-coupon/src/coupon-view-state.js";

const pending: CouponFetchResult = { kind: "response", status: 200, body: { status: "pending" } };
const ready: CouponFetchResult = {
  kind: "response",
  status: 200,
  body: {
    status: "ready",
    coupon: {
      code: "GLOW-7K3MXQ2PR9",
      kind: "free_shipping",
      value: "0",
      currencyCode: "USD",
      minimumSubtotal: null,
      endsAt: null,
    },
  },
};

function scripted(results: CouponFetchResult[]) {
  const states: CouponViewState[] = [];
  const sleeps: number[] = [];
  let calls = 0;
  const run = (isCancelled: () => boolean = () => false) =>
    pollCoupon({
      initial: initialCouponViewState("gid://shopify/Order/1"),
      fetchOnce: async () => results[Math.min(calls++, results.length - 1)] ?? pending,
      onState: (state) => states.push(state),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      isCancelled,
    });
  return { run, states, sleeps, calls: () => calls };
}

describe("pollCoupon", () => {
  it("asks at once, waits longer after each pending answer, and stops at ready", async () => {
    const poll = scripted([pending, pending, ready]);
    expect((await poll.run()).phase).toBe("ready");
    expect(poll.calls()).toBe(3);
    expect(poll.sleeps).toEqual([400, 600]);
    expect(poll.states.map((state) => state.phase)).toEqual(["loading", "loading", "ready"]);
  });

  it("makes at most MAX_ATTEMPTS requests when the job stays pending, backing off to 3 s between them", async () => {
    const poll = scripted([pending]);
    expect(await poll.run()).toEqual({ phase: "hidden", reason: "gave-up" });
    expect(poll.calls()).toBe(MAX_ATTEMPTS);
    expect(poll.sleeps).toEqual([...POLL_DELAYS_MS]);
    expect(poll.sleeps.every((ms, i) => i === 0 || ms >= (poll.sleeps[i - 1] ?? 0))).toBe(true);
    expect(poll.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(16_000);
  });

  it("stops asking and reporting once the block is gone", async () => {
    let cancelled = false;
    const poll = scripted([pending]);
    const done = poll.run(() => cancelled);
    cancelled = true;
    await done;
    expect(poll.calls()).toBe(1);
    expect(poll.states).toEqual([]);
  });
});

describe("requestCoupon", () => {
  const seen: { url: string; headers: Headers }[] = [];
  const answering =
    (response: () => Response): typeof fetch =>
    async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return response();
    };
  const base = { appUrl: "https://app.example.com/", orderId: "gid://shopify/Order/42", getToken: async () => "jwt" };

  beforeEach(() => {
    seen.length = 0;
  });

  it("sends the encoded order id with the session token as a bearer token", async () => {
    const result = await requestCoupon({ ...base, fetchFn: answering(() => Response.json({ status: "none" })) });
    expect(result).toEqual({ kind: "response", status: 200, body: { status: "none" } });
    expect(seen[0]?.url).toBe("https://app.example.com/api/checkout/coupon?orderId=gid%3A%2F%2Fshopify%2FOrder%2F42");
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer jwt");
  });

  it("reports non-200 answers without reading their body", async () => {
    const result = await requestCoupon({ ...base, fetchFn: answering(() => new Response("oops", { status: 500 })) });
    expect(result).toEqual({ kind: "response", status: 500, body: null });
  });

  it("folds network, JSON, token and timeout failures into a network error", async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const notJson = answering(() => new Response("<html>", { status: 200 }));
    const noToken = async () => Promise.reject(new Error("no session"));
    expect(await requestCoupon({ ...base, fetchFn: failing })).toEqual({ kind: "network-error" });
    expect(await requestCoupon({ ...base, fetchFn: notJson })).toEqual({ kind: "network-error" });
    expect(await requestCoupon({ ...base, getToken: noToken, fetchFn: notJson })).toEqual({ kind: "network-error" });
    expect(await requestCoupon({ ...base, fetchFn: hanging, timeoutMs: 10 })).toEqual({ kind: "network-error" });
  });
});

describe("readOrderId", () => {
  it("reads the thank-you page's order confirmation or the order-status page's order", () => {
    expect(readOrderId({ orderConfirmation: { value: { order: { id: "gid://shopify/Order/1" } } } })).toBe(
      "gid://shopify/Order/1",
    );
    expect(readOrderId({ order: { value: { id: "gid://shopify/Order/2" } } })).toBe("gid://shopify/Order/2");
  });

  it("is undefined when neither is there yet", () => {
    expect(readOrderId({})).toBeUndefined();
    expect(readOrderId({ orderConfirmation: { value: undefined }, order: { value: undefined } })).toBeUndefined();
    expect(readOrderId({ order: { value: { id: "" } } })).toBeUndefined();
  });
});
