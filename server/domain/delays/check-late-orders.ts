// The delayed-delivery check: every paid order whose window has passed with nothing saying delivered gets one apology.
import type { Prisma } from "@prisma/client";
import type { EmailLanguage } from "../email-links/email-language.js";
import type { EnqueueOrderEmail } from "../nps/schedule-nps-survey.js";
import { lateness } from "./late-delivery.js";
import type { DeliveryWindowDays, LateOrderCandidate, LateOrderRepository } from "./late-order-repository.js";

export interface CheckLateOrdersDeps {
  orders: Pick<LateOrderRepository, "candidates">;
  /**
   * The order's delivery window (shipping's estimate): from the ship date once shipped, else from the order time;
   * null when the order ships nothing.
   */
  windowFor: (order: LateOrderCandidate) => Promise<DeliveryWindowDays | null>;
  /** The order's thank-you coupon, when one was issued and can still be used: offered again with the apology. */
  couponFor: (shopId: number, shopifyOrderId: bigint, now: Date) => Promise<Prisma.InputJsonObject | null>;
  languageFor: (shopId: number, customerLocale: string | null) => Promise<EmailLanguage>;
  enqueueEmail: EnqueueOrderEmail;
}

export interface CheckLateOrdersOptions {
  /** Orders placed longer ago than this are not looked at (bounds the scan). */
  lookBackDays: number;
  /** See `lateness`: no apology this many days after the window's last day. */
  horizonDays: number;
  pageSize?: number;
}

export interface CheckSummary {
  checked: number;
  late: number;
  /** Apologies newly queued this run; a repeat run queues none for the same orders. */
  queued: number;
}

async function apologize(deps: CheckLateOrdersDeps, order: LateOrderCandidate, window: DeliveryWindowDays, now: Date) {
  const coupon = await deps.couponFor(order.shopId, order.shopifyOrderId, now);
  const language = await deps.languageFor(order.shopId, order.locale);
  return deps.enqueueEmail({
    shopId: order.shopId,
    kind: "delayed",
    dedupeKey: `order:${order.shopifyOrderId}:delayed`,
    to: order.email,
    language,
    // Sent as soon as found (plus the shop's delay for this kind); `now` only decides what is late.
    promotional: false,
    customerId: order.customerId,
    shopifyOrderId: order.shopifyOrderId,
    data: {
      order: { name: order.orderName },
      window: { earliest: window.earliest, latest: window.latest },
      ...(coupon ? { coupon } : {}),
    },
  });
}

/** `now` is passed in so a test (or a catch-up run) decides what "today" is. Safe to run twice or concurrently. */
export async function checkLateOrders(
  deps: CheckLateOrdersDeps,
  now: Date,
  options: CheckLateOrdersOptions,
): Promise<CheckSummary> {
  const summary: CheckSummary = { checked: 0, late: 0, queued: 0 };
  const placedSince = new Date(now.getTime() - options.lookBackDays * 24 * 3600 * 1000);
  let cursor = 0;
  for (;;) {
    const page = await deps.orders.candidates(placedSince, cursor, options.pageSize ?? 500);
    for (const order of page) {
      summary.checked += 1;
      const window = await deps.windowFor(order);
      if (!window || lateness(window, now, order.timeZone, options.horizonDays) !== "late") continue;
      summary.late += 1;
      if ((await apologize(deps, order, window, now)).created) summary.queued += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < (options.pageSize ?? 500)) return summary;
    cursor = last.orderRowId;
  }
}
