// The webhook topics Afterglow subscribes to (shopify.app.toml); anything else is refused at intake.
export const subscribedTopics = [
  "orders/create",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "fulfillments/create",
  "fulfillments/update",
  "refunds/create",
  "customers/create",
  "customers_email_marketing_consent/update",
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export type WebhookTopic = (typeof subscribedTopics)[number];

const topicSet: ReadonlySet<string> = new Set(subscribedTopics);

/** Shopify sends topics as "orders/paid"; the library may hand us "ORDERS_PAID". Both map to the first. */
export function normalizeTopic(topic: string): string {
  return topic.includes("/") ? topic.toLowerCase() : topic.toLowerCase().replace("_", "/");
}

export function isSubscribedTopic(topic: string): topic is WebhookTopic {
  return topicSet.has(topic);
}

/** Topics Shopify still sends after uninstall, which must be handled regardless of install state. */
export const topicsAfterUninstall: ReadonlySet<WebhookTopic> = new Set([
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
]);
