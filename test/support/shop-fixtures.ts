// Test shortcuts on top of the simulator: an installed shop, raw signed webhook posts, fixture payloads.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSignedWebhook } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { testApiSecret, waitFor, type TestStack } from "./start-test-stack.js";

export async function installShop(stack: TestStack, domain = "test-shop.myshopify.com"): Promise<string> {
  stack.sim.createShop({ domain, name: `Shop ${domain}`, email: "owner@example.com", currencyCode: "USD" });
  const result = await stack.sim.installApp(domain);
  if (result.status >= 400) throw new Error(`install failed: HTTP ${result.status}`);
  await waitFor("the shop row", () => stack.services.repositories.shops.findByDomain(domain));
  return domain;
}

export function fixturePayload(topic: string): Record<string, unknown> {
  const file = fileURLToPath(
    new URL(`../../scripts/shopify-simulator/fixtures/${topic.replace("/", "-")}.json`, import.meta.url),
  );
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** An orders/paid payload from the fixture, with the order, customer and subtotal a test needs. */
export function paidOrderPayload(orderId: number, customerId: number | null, subtotal: string, updatedAt?: string) {
  const fixture = fixturePayload("orders/paid");
  const customer = fixture.customer as Record<string, unknown>;
  return {
    ...fixture,
    id: orderId,
    name: `#${orderId % 10000}`,
    financial_status: "paid",
    subtotal_price: subtotal,
    current_subtotal_price: subtotal,
    updated_at: updatedAt ?? new Date().toISOString(),
    customer: customerId === null ? null : { ...customer, id: customerId, email: `c${customerId}@example.com` },
  };
}

export interface PostWebhookOptions {
  topic: string;
  shop: string;
  payload?: unknown;
  body?: string;
  webhookId?: string;
  secret?: string;
  headers?: Record<string, string | undefined>;
}

export async function postWebhook(stack: TestStack, options: PostWebhookOptions): Promise<Response> {
  const signed = buildSignedWebhook({
    shop: options.shop,
    topic: options.topic,
    payload: options.payload,
    body: options.body,
    secret: options.secret ?? testApiSecret,
    apiVersion: "2026-10",
    webhookId: options.webhookId,
  });
  const headers = new Headers(signed.headers);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) headers.delete(name);
    else headers.set(name, value);
  }
  return fetch(`${stack.appUrl}/api/webhooks`, { method: "POST", headers, body: signed.body });
}

export async function ledgerEntriesForOrder(stack: TestStack, orderId: number) {
  return stack.services.prisma.ledgerEntry.findMany({ where: { shopifyOrderId: BigInt(orderId) } });
}

export async function inboxSettled(stack: TestStack): Promise<boolean> {
  const open = await stack.services.prisma.webhookInbox.count({
    where: { status: { in: ["received", "processing"] } },
  });
  return open === 0;
}
