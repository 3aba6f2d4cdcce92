// Test shortcuts for campaigns: orders on chosen dates, campaign settings through the API, runs through the queue.
import { DateTime } from "luxon";
import type { CampaignSettings } from "../../server/domain/campaigns/campaign-settings.js";
import { defaultCampaignSettings } from "../../server/domain/campaigns/campaign-settings.js";
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { adminHeaders, installJakartaShop } from "./jakarta-shop.js";
import { inboxSettled, paidOrderPayload, postWebhook } from "./shop-fixtures.js";
import { waitFor, type TestStack } from "./start-test-stack.js";

export interface OrderAt {
  orderId: number;
  customerId: number;
  at: DateTime;
  subtotal?: string;
  consent?: "subscribed" | "not_subscribed";
  lineItems?: { id: number; product_id: number; variant_id: number; title: string; quantity: number }[];
  discountCodes?: string[];
}

/** An orders/paid webhook for an order placed at a chosen moment, with the customer's consent as of then. */
export async function placeOrder(stack: TestStack, shop: string, order: OrderAt): Promise<void> {
  const payload = paidOrderPayload(order.orderId, order.customerId, order.subtotal ?? "40.00", order.at.toISO() ?? "");
  const iso = order.at.toISO() ?? "";
  const response = await postWebhook(stack, {
    topic: "orders/paid",
    shop,
    payload: {
      ...payload,
      created_at: iso,
      processed_at: iso,
      line_items: order.lineItems ?? [],
      discount_codes: (order.discountCodes ?? []).map((code) => ({ code, amount: "5.00", type: "percentage" })),
      customer: {
        ...payload.customer,
        email_marketing_consent: {
          state: order.consent ?? "subscribed",
          opt_in_level: "single_opt_in",
          consent_updated_at: iso,
        },
      },
    },
  });
  if (response.status !== 200) throw new Error(`webhook refused: HTTP ${response.status}`);
  await waitFor("order processed", () => inboxSettled(stack));
}

export async function saveCampaigns(stack: TestStack, shop: string, change: Partial<CampaignSettings>) {
  const response = await fetch(`${stack.appUrl}/api/campaigns`, {
    method: "PUT",
    headers: adminHeaders(shop),
    body: JSON.stringify({ ...defaultCampaignSettings, ...change }),
  });
  if (response.status !== 200) throw new Error(`campaign settings refused: ${await response.text()}`);
}

let runs = 0;

/** One campaign run through the queue as of a controlled moment; waits for it and for the emails it queued. */
export async function runCampaignsAt(stack: TestStack, shopId: number, asOf: DateTime): Promise<void> {
  runs += 1;
  const job = await stack.services.campaignQueue.add(
    "run-campaigns",
    { kind: "run-campaigns", shopId, asOf: asOf.toUTC().toISO() ?? "" },
    { jobId: `test-campaigns-${runs}` },
  );
  await waitFor(`campaign run ${runs}`, async () => {
    const state = await stack.services.campaignQueue.getJobState(job.id ?? "");
    if (state === "failed") throw new Error(`campaign run ${runs} failed`);
    return state === "completed";
  });
  // Order mail waits on delays (thank-you, survey); only campaign mail (promotional) must have settled.
  await waitFor(
    "campaign emails sent",
    async () =>
      (await stack.services.prisma.emailOutbox.count({
        where: { shopId, promotional: true, status: { in: ["queued", "sending"] } },
      })) === 0,
  );
}

export async function customerIdOf(stack: TestStack, shopId: number, shopifyCustomerId: number): Promise<number> {
  const row = await stack.services.prisma.customer.findUniqueOrThrow({
    where: { shopId_shopifyCustomerId: { shopId, shopifyCustomerId: BigInt(shopifyCustomerId) } },
  });
  return row.id;
}

/** The pieces every campaign test uses, bound to one stack and catcher. */
export function campaignTestKit(stack: TestStack, catcher: SmtpCatcher) {
  const shoppers = new Map<string, number>();
  return {
    /** Promotional mail the catcher received for the customer (mailparser files List-* headers under "list"). */
    mailTo: (shopifyCustomerId: number) =>
      catcher
        .messages({ to: `c${shopifyCustomerId}@example.com` })
        .filter((message) => (message.headers.list ?? "").includes("unsubscribe")),
    /** A run, then until the catcher holds every message the outbox says it sent. */
    async runAt(shopId: number, at: DateTime) {
      await runCampaignsAt(stack, shopId, at);
      await waitFor("the catcher to hold every sent email", async () => {
        const sent = await stack.services.prisma.emailOutbox.count({ where: { status: "sent", promotional: true } });
        return (
          catcher.messages().filter((message) => (message.headers.list ?? "").includes("unsubscribe")).length >= sent
        );
      });
    },
    /** Customers that exist in the simulated Shopify (personal codes name them), by labels unique per test. */
    async addShoppers(domain: string, labels: number[]) {
      for (const label of labels) {
        const customer = stack.sim.createCustomer(domain, {
          firstName: "Ann",
          lastName: "Lee",
          email: `shopper${label}@example.com`,
        });
        shoppers.set(`${domain}/${label}`, customer.id);
      }
      // Their customers/create webhooks land first, so the orders that follow have the last word on the address.
      // The simulator posts them in the background: until it has, the inbox has nothing to wait for.
      await stack.sim.settle();
      await waitFor("customers/create processed", () => inboxSettled(stack));
    },
    who(domain: string, label: number): number {
      const id = shoppers.get(`${domain}/${label}`);
      if (id === undefined) throw new Error(`shopper ${label} was not added`);
      return id;
    },
    /** A Jakarta shop of its own per test, so one test's customers never rank in another's segments. */
    async newShop(name: string) {
      const domain = await installJakartaShop(stack, `${name}.myshopify.com`);
      const shop = await stack.services.repositories.shops.findByDomain(domain);
      return { domain, shopId: shop?.id ?? 0 };
    },
    async setTier(shopId: number, shopifyCustomerId: number, tier: string) {
      await stack.services.prisma.customer.update({
        where: { shopId_shopifyCustomerId: { shopId, shopifyCustomerId: BigInt(shopifyCustomerId) } },
        data: { tier },
      });
    },
  };
}
