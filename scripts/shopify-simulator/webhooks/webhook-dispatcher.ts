// Delivers signed webhooks like Shopify: 5 s timeout, non-2xx is failure, exponential retries, plus hold/reorder/duplicate.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { buildSignedWebhook } from "./build-signed-webhook.js";
import { copyDeliveryRecord, type DeliveryAttempt, type DeliveryRecord } from "./delivery-record.js";
import { seededShuffle } from "./seeded-shuffle.js";

export interface WebhookDispatcherOptions {
  secret: string;
  apiVersion: string;
  /** Delay before retry i is retryDelaysMs[i], or the last entry once i runs past the list. */
  retryDelaysMs: number[];
  maxRetries: number;
  timeoutMs: number;
  logger: Logger;
}

export interface WebhookJob {
  shop: string;
  topic: string;
  url: string;
  body: string;
  webhookId: string;
  eventId: string;
  triggeredAt: Date;
}

export type ReleaseOrder = "fifo" | "reverse" | "shuffle";

interface Delivery {
  record: DeliveryRecord;
  job: WebhookJob;
}

export class WebhookDispatcher {
  private readonly log: DeliveryRecord[] = [];
  private readonly held: Delivery[] = [];
  private readonly active = new Set<DeliveryRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private settleWaiters: (() => void)[] = [];
  private holding = false;
  private releasing = 0;
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /** Queues one delivery plus `duplicates` extra copies carrying the same webhook id. */
  enqueue(job: WebhookJob, duplicates = 0): DeliveryRecord[] {
    if (this.closed) throw new Error("the webhook dispatcher is closed");
    const deliveries: Delivery[] = [];
    for (let copy = 0; copy <= duplicates; copy++) {
      const record: DeliveryRecord = {
        id: randomUUID(),
        webhookId: job.webhookId,
        eventId: job.eventId,
        topic: job.topic,
        shop: job.shop,
        url: job.url,
        copy,
        triggeredAt: job.triggeredAt.toISOString(),
        state: this.holding ? "held" : "pending",
        attempts: [],
      };
      this.log.push(record);
      deliveries.push({ record, job });
    }
    for (const delivery of deliveries) {
      if (this.holding) this.held.push(delivery);
      else this.start(delivery);
    }
    return deliveries.map((d) => copyDeliveryRecord(d.record));
  }

  hold(): void {
    this.holding = true;
  }

  /** Sends held deliveries one after another in the chosen order; resolves once each has had its first attempt. */
  async release(order: ReleaseOrder = "fifo", seed = 1): Promise<void> {
    this.holding = false;
    const batch = this.held.splice(0, this.held.length);
    const ordered = order === "reverse" ? batch.reverse() : order === "shuffle" ? seededShuffle(batch, seed) : batch;
    this.releasing++;
    try {
      for (const delivery of ordered) {
        if (this.closed) break;
        delivery.record.state = "pending";
        this.active.add(delivery.record);
        // Sequential first attempts make the arrival order the release order.
        await this.attempt(delivery);
      }
    } finally {
      this.releasing--;
      this.notifySettled();
    }
  }

  records(): DeliveryRecord[] {
    return this.log.map(copyDeliveryRecord);
  }

  /** Resolves when nothing is pending or waiting to retry (held deliveries do not count). */
  settle(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    for (const record of [...this.active, ...this.held.map((d) => d.record)]) record.state = "cancelled";
    this.active.clear();
    this.held.length = 0;
    this.notifySettled();
  }

  private start(delivery: Delivery): void {
    this.active.add(delivery.record);
    void this.attempt(delivery);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { record } = delivery;
    const result = await this.send(delivery);
    if (this.closed) return;
    record.attempts.push(result);
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const retriesDone = record.attempts.length - 1;
    if (ok) {
      record.state = "delivered";
    } else if (retriesDone < this.options.maxRetries) {
      record.state = "retrying";
      this.scheduleRetry(delivery, retriesDone);
      return;
    } else {
      record.state = "failed";
      this.options.logger.warn(
        { webhookId: record.webhookId, topic: record.topic, shop: record.shop },
        "webhook delivery failed for good",
      );
    }
    this.active.delete(record);
    this.notifySettled();
  }

  private scheduleRetry(delivery: Delivery, retryIndex: number): void {
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(retryIndex, delays.length - 1)] ?? 0;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, delay);
    this.timers.add(timer);
  }

  private async send({ record, job }: Delivery): Promise<DeliveryAttempt> {
    const { headers, body } = buildSignedWebhook({
      shop: job.shop,
      topic: job.topic,
      body: job.body,
      secret: this.options.secret,
      apiVersion: this.options.apiVersion,
      webhookId: job.webhookId,
      eventId: job.eventId,
      triggeredAt: job.triggeredAt,
    });
    const controller = new AbortController();
    this.inFlight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const started = Date.now();
    const attempt: DeliveryAttempt = {
      attempt: record.attempts.length + 1,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      statusCode: null,
      timedOut: false,
      error: null,
    };
    try {
      // Shopify does not follow redirects: a 3xx is a failed delivery.
      const response = await fetch(job.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: controller.signal,
      });
      await response.arrayBuffer();
      attempt.statusCode = response.status;
    } catch (error) {
      attempt.statusCode = null;
      attempt.error = timedOut ? "timeout" : error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
    attempt.timedOut = timedOut;
    attempt.durationMs = Date.now() - started;
    this.options.logger.debug({ webhookId: record.webhookId, topic: record.topic, ...attempt }, "webhook attempt");
    return attempt;
  }

  private isSettled(): boolean {
    return this.closed || (this.active.size === 0 && this.releasing === 0);
  }

  private notifySettled(): void {
    if (!this.isSettled()) return;
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
