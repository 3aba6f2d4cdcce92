// Turns a merchant action into deliveries: one per matching toml subscription, only while the app is installed.
import { randomUUID } from "node:crypto";
import type { AppConfig } from "../app-config.js";
import type { AppInstallations } from "../oauth/app-installations.js";
import type { DeliveryRecord } from "./delivery-record.js";
import type { WebhookDispatcher } from "./webhook-dispatcher.js";

export interface SendWebhookOptions {
  webhookId?: string;
  eventId?: string;
  duplicates?: number;
  /** Path (relative to the app URL) or absolute URL; defaults to the toml subscription's uri for the topic. */
  uri?: string;
  triggeredAt?: Date;
}

export class WebhookEmitter {
  constructor(
    private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcher,
    private readonly installations: AppInstallations,
    private readonly appUrl: () => string,
    private readonly duplicatesByDefault: () => number,
  ) {}

  /** Delivers `payload` for every subscription to `topic` that is active on `shop`; compliance topics always are. */
  emit(shop: string, topic: string, payload: unknown, eventId: string): DeliveryRecord[] {
    const installed = this.installations.isInstalled(shop);
    const subs = this.config.subscriptions.filter((s) => s.topic === topic && (s.compliance || installed));
    const body = JSON.stringify(payload);
    const triggeredAt = new Date();
    return subs.flatMap((s) =>
      this.dispatcher.enqueue(
        { shop, topic, url: this.resolve(s.uri), body, webhookId: randomUUID(), eventId, triggeredAt },
        this.duplicatesByDefault(),
      ),
    );
  }

  /** Low-level: one signed delivery whatever the install state, as `shopify app webhook trigger` would. */
  send(shop: string, topic: string, payload: unknown, opts: SendWebhookOptions = {}): DeliveryRecord[] {
    const uri =
      opts.uri ??
      this.config.subscriptions.find((s) => s.topic === topic)?.uri ??
      this.config.subscriptions[0]?.uri ??
      "/api/webhooks";
    const job = {
      shop,
      topic,
      url: this.resolve(uri),
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
      webhookId: opts.webhookId ?? randomUUID(),
      eventId: opts.eventId ?? randomUUID(),
      triggeredAt: opts.triggeredAt ?? new Date(),
    };
    return this.dispatcher.enqueue(job, opts.duplicates ?? this.duplicatesByDefault());
  }

  /** Relative uris resolve against the app's real base URL, which overrides the toml's application_url. */
  private resolve(uri: string): string {
    if (/^https?:\/\//.test(uri)) return uri;
    return this.appUrl().replace(/\/+$/, "") + (uri.startsWith("/") ? uri : `/${uri}`);
  }
}
