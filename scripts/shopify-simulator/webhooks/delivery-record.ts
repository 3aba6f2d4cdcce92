// The delivery log's entry types: one record per webhook request chain (original or duplicate) and its attempts.

export interface DeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  /** HTTP status the app answered, or null when it timed out or the connection failed. */
  statusCode: number | null;
  timedOut: boolean;
  error: string | null;
}

export type DeliveryState = "held" | "pending" | "retrying" | "delivered" | "failed" | "cancelled";

export interface DeliveryRecord {
  /** The simulator's own id for this request chain; duplicates share webhookId but not this. */
  id: string;
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  /** 0 for the original delivery, 1..N for injected duplicates. */
  copy: number;
  triggeredAt: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
}

export function copyDeliveryRecord(record: DeliveryRecord): DeliveryRecord {
  return { ...record, attempts: record.attempts.map((a) => ({ ...a })) };
}
