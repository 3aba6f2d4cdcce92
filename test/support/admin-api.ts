// Calls the admin API as the shop's staff would, with a session token minted like App Bridge's.
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { testApiKey, testApiSecret, type TestStack } from "./start-test-stack.js";

export async function adminApi(
  stack: TestStack,
  shop: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
