// Resolves `webhookSubscriptions`: the toml's subscriptions, active on the shop since the app was installed.
import { connectionArgsSchema, paginate } from "./connection.js";
import { toDateTime, toGid } from "./gid.js";
import type { ResolverArea } from "./root-fields.js";

export const webhookSubscriptionResolvers: ResolverArea = {
  query: {
    webhookSubscriptions: (rawArgs, ctx) => {
      const args = connectionArgsSchema.parse(rawArgs);
      const subs = ctx.config.subscriptions
        .filter((s) => !s.compliance)
        .map((s, index) => ({ ...s, id: 1_100_000_000_000 + index }));
      return paginate(
        subs,
        args,
        (s) => s.id,
        (s) => ({
          id: toGid("WebhookSubscription", s.id),
          // Shopify's WebhookSubscriptionTopic enum spells orders/create as ORDERS_CREATE.
          topic: s.topic.replace(/\//g, "_").toUpperCase(),
          uri: s.uri,
          format: "JSON",
          apiVersion: ctx.config.apiVersion,
          createdAt: toDateTime(ctx.installedAt),
          updatedAt: toDateTime(ctx.installedAt),
        }),
      );
    },
  },
};
