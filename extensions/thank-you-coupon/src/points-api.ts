// The signed-in customer's points and redeeming them, from Afterglow's backend; failures become results, never throws.

export interface PointsView {
  balance: number;
  pending: number;
  tier: string | null;
  redemption: { enabled: boolean; pointsPerCurrencyUnit: number; minimumPoints: number; currencyCode: string };
}

export interface RedeemedCode {
  code: string;
  points: number;
  value: string;
  currencyCode: string;
  status: "issued" | "pending";
  endsAt: string;
}

export type RedeemResult =
  | { kind: "redeemed"; redemption: RedeemedCode; balance: number; message: string }
  | { kind: "refused"; message: string | null; balance: number | null };

interface Call {
  appUrl: string;
  getToken: () => Promise<string>;
  locale: string;
  fetchFn?: typeof fetch;
}

const TIMEOUT_MS = 8000;

async function call(options: Call, path: string, body?: unknown): Promise<{ status: number; json: unknown } | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const token = await options.getToken();
    const url = `${options.appUrl.replace(/\/+$/, "")}${path}?locale=${encodeURIComponent(options.locale)}`;
    const response = await (options.fetchFn ?? fetch)(url, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    return { status: response.status, json: await response.json().catch(() => null) };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** null for a guest (401), an unreachable backend or anything unexpected: the block then shows nothing. */
export async function requestPoints(options: Call): Promise<PointsView | null> {
  const answer = await call(options, "/api/extension/points");
  if (answer?.status !== 200 || typeof answer.json !== "object" || answer.json === null) return null;
  const view = answer.json as PointsView;
  return typeof view.balance === "number" && typeof view.redemption === "object" ? view : null;
}

/** 201 (issued) and 202 (Shopify still creating it) both hand over the code; anything else is a refusal. */
export async function redeemPoints(options: Call, points: number, requestKey: string): Promise<RedeemResult> {
  const answer = await call(options, "/api/extension/points/redeem", { points, requestKey });
  if (answer && (answer.status === 201 || answer.status === 202)) {
    return { kind: "redeemed", ...(answer.json as { redemption: RedeemedCode; balance: number; message: string }) };
  }
  const error = (answer?.json as { error?: { message?: string; balance?: number } } | null)?.error;
  return { kind: "refused", message: error?.message ?? null, balance: error?.balance ?? null };
}

/** What can be redeemed: the smallest allowed amount and everything spendable, in whole currency units. */
export function redeemOptions(view: PointsView): number[] {
  const { enabled, pointsPerCurrencyUnit: step, minimumPoints } = view.redemption;
  if (!enabled || step <= 0) return [];
  const smallest = Math.ceil(minimumPoints / step) * step;
  const all = Math.floor(view.balance / step) * step;
  if (all < smallest) return [];
  return all === smallest ? [smallest] : [smallest, all];
}
