// Reads shopify.app.toml the way `shopify app deploy` does: client id, scopes, redirect URLs, webhook subscriptions.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

const subscriptionSchema = z
  .object({
    topics: z.array(z.string()).optional(),
    compliance_topics: z.array(z.string()).optional(),
    uri: z.string().min(1),
  })
  .refine((s) => (s.topics?.length ?? 0) + (s.compliance_topics?.length ?? 0) > 0, {
    message: "a webhook subscription needs topics or compliance_topics",
  });

const appTomlSchema = z.object({
  client_id: z.string().min(1),
  application_url: z.string().url(),
  access_scopes: z.object({ scopes: z.string().default("") }).default({ scopes: "" }),
  auth: z.object({ redirect_urls: z.array(z.string().url()).default([]) }).default({ redirect_urls: [] }),
  webhooks: z.object({
    api_version: z.string().min(1),
    subscriptions: z.array(subscriptionSchema).default([]),
  }),
  app_proxy: z.object({ url: z.string().min(1), subpath: z.string().min(1), prefix: z.string().min(1) }).optional(),
});

export interface WebhookSubscriptionConfig {
  topic: string;
  uri: string;
  /** Compliance topics are app-wide and keep being delivered after an uninstall (shop/redact comes 48 h later). */
  compliance: boolean;
}

export interface AppConfig {
  clientId: string;
  applicationUrl: string;
  scopes: string[];
  redirectUrls: string[];
  apiVersion: string;
  subscriptions: WebhookSubscriptionConfig[];
  /** Storefront requests to /{prefix}/{subpath}/* are forwarded, signed, to the app's {url}/*. */
  appProxy: { url: string; subpath: string; prefix: string } | null;
}

export function parseAppConfig(tomlText: string): AppConfig {
  const raw = appTomlSchema.parse(parse(tomlText));
  const subscriptions = raw.webhooks.subscriptions.flatMap((s) => [
    ...(s.topics ?? []).map((topic) => ({ topic, uri: s.uri, compliance: false })),
    ...(s.compliance_topics ?? []).map((topic) => ({ topic, uri: s.uri, compliance: true })),
  ]);
  return {
    clientId: raw.client_id,
    applicationUrl: raw.application_url,
    scopes: raw.access_scopes.scopes
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    redirectUrls: raw.auth.redirect_urls,
    apiVersion: raw.webhooks.api_version,
    subscriptions,
    appProxy: raw.app_proxy ?? null,
  };
}

export function loadAppConfig(path: string): AppConfig {
  return parseAppConfig(readFileSync(path, "utf8"));
}
