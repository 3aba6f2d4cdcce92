// The checkout endpoint's status for an order, asked as the thank-you extension asks (a checkout session token).
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { testApiKey, testApiSecret, type TestStack } from "./start-test-stack.js";

export async function checkoutStatus(stack: TestStack, shop: string, orderId: number): Promise<string> {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  const response = await fetch(`${stack.appUrl}/api/checkout/coupon?orderId=gid://shopify/OrderIdentity/${orderId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { status: string }).status;
}
