// Proves a demo order's thank-you page works end to end: its page loads the extension, and its checkout token gets
// the order's code from Afterglow, as the extension in a browser would.
import type { PrismaClient } from "@prisma/client";
import type { ShopifySimulator } from "../shopify-simulator/shopify-simulator.js";

export async function checkThankYouPage(
  prisma: PrismaClient,
  sim: ShopifySimulator,
  appUrl: string,
  shopDomain: string,
): Promise<string[]> {
  const coupon = await prisma.coupon.findFirst({ where: { status: "issued" }, orderBy: { id: "asc" } });
  if (!coupon) return ["no coupon was issued, so no thank-you page can show one"];
  const orderId = Number(coupon.shopifyOrderId);
  const page = sim.thankYouPageUrl(shopDomain, orderId);
  const html = await fetch(page).then((response) => response.text());
  const bundle = await fetch(`${sim.url}/extensions/thank-you-coupon.js`);
  if (!html.includes("thank-you-config") || !bundle.ok)
    return [`the thank-you page ${page} does not host the extension`];
  const { token } = (await (await fetch(`${page}/session-token`)).json()) as { token: string };
  const response = await fetch(`${appUrl}/api/checkout/coupon?orderId=gid://shopify/OrderIdentity/${orderId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const answer = (await response.json()) as { status?: string; coupon?: { code?: string } };
  if (answer.coupon?.code !== coupon.code) {
    return [`the thank-you page's token got ${response.status} ${JSON.stringify(answer)}, not ${coupon.code}`];
  }
  return [];
}
