// Errors from Admin API calls that carry what the caller should do next.
import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";

/** Shopify's leaky bucket is empty: retry after `waitMs`, which the cost data implies. */
export class ShopifyThrottledError extends Error {
  override name = "ShopifyThrottledError";
  constructor(readonly waitMs: number) {
    super(`Shopify throttled the request; retry in ${waitMs} ms`);
  }
}

/** Shopify refused the input (userErrors): retrying the same input cannot succeed. */
export class ShopifyUserError extends Error {
  override name = "ShopifyUserError";
  constructor(readonly userErrors: { field: string[] | null; code: string | null; message: string }[]) {
    super(userErrors.map((error) => `${error.field?.join(".") ?? "input"}: ${error.message}`).join("; "));
  }
}

/** The shop has no offline session (uninstalled, or never finished OAuth): nothing can be called for it. */
export class ShopifySessionMissingError extends Error {
  override name = "ShopifySessionMissingError";
}

const throttledBody = z.object({
  errors: z.object({ graphQLErrors: z.array(z.object({ extensions: z.object({ code: z.string() }).optional() })) }),
  extensions: z
    .object({
      cost: z.object({
        requestedQueryCost: z.number(),
        throttleStatus: z.object({ currentlyAvailable: z.number(), restoreRate: z.number() }),
      }),
    })
    .optional(),
});

/** Turns the library's GraphqlQueryError for THROTTLED into ShopifyThrottledError; anything else passes through. */
export function toShopifyCallError(error: unknown): unknown {
  if (!(error instanceof GraphqlQueryError)) return error;
  const body = throttledBody.safeParse(error.body);
  if (!body.success) return error;
  const throttled = body.data.errors.graphQLErrors.some((entry) => entry.extensions?.code === "THROTTLED");
  if (!throttled) return error;
  const cost = body.data.extensions?.cost;
  // Shopify's guidance: wait (requested − available) / restoreRate seconds; never less than a beat.
  const seconds = cost
    ? Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) / cost.throttleStatus.restoreRate
    : 1;
  return new ShopifyThrottledError(Math.max(250, Math.ceil(seconds * 1000)));
}
