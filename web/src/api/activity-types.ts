// What GET /api/activity, /api/overview and /api/shop answer.

export type InboxStatus = "received" | "processing" | "completed" | "skipped" | "failed";

export interface WebhookActivity {
  id: string;
  topic: string;
  webhookId: string;
  status: InboxStatus;
  attempts: number;
  lastError: string | null;
  outcome: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export type ActivityFailure =
  | { kind: "webhook"; id: string; topic: string; error: string | null; at: string }
  | { kind: "coupon"; id: string; code: string; orderId: string; error: string | null; at: string };

export interface ActivityAnswer {
  webhooks: WebhookActivity[];
  failures: ActivityFailure[];
  queue: { waiting: number; active: number; delayed: number; failed: number };
}

export interface OverviewAnswer {
  month: {
    since: string;
    pointsAwarded: number;
    couponsIssued: number;
    couponsRedeemed: number;
    couponRevenue: string;
    webhooksProcessed: number;
  };
  setup: { coupons: boolean };
}
