// The loyalty side of order events: earn on payment, settle on cancel, refund or the end of the return window.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { RefundPayload } from "../orders/refund-payload.js";
import { refundedSubtotal } from "../orders/refund-payload.js";
import { earnOrderPoints, type PaidOrderInput } from "./earn-order-points.js";
import type { LedgerRepository } from "./ledger-repository.js";
import type { LoyaltySettingsRepository } from "./loyalty-settings-repository.js";
import { orderPointsRepository as repo } from "./order-points-repository.js";
import { settleOrderPoints } from "./settle-order-points.js";
import type { TierService } from "./tier-service.js";

export interface MaturityJob {
  shopId: number;
  shopifyOrderId: bigint;
  availableAt: Date;
}

export interface OrderPointsDeps {
  pool: PgPool;
  ledger: LedgerRepository;
  settings: LoyaltySettingsRepository;
  tiers: TierService;
  /** Schedules the delayed job that makes the order's points available when its return window ends. */
  enqueueMaturity: (job: MaturityJob) => Promise<void>;
  /** Schedules the job that creates a milestone's coupon in Shopify (the row was committed with the earn). */
  enqueueMilestoneCoupon: (milestoneCouponId: number) => Promise<void>;
}

async function recordRefundOnce(deps: OrderPointsDeps, shopId: number, refund: RefundPayload, now: Date) {
  const subtotal = refundedSubtotal(refund);
  const refundedAt = refund.created_at ? new Date(refund.created_at) : now;
  const recorded = await repo.recordRefund(
    { shopId, refundId: refund.id, orderId: refund.order_id, subtotal, refundedAt },
    deps.pool,
  );
  return recorded ? `refund ${refund.id} of ${subtotal} recorded` : `refund ${refund.id} already recorded`;
}

export function createOrderPointsService(deps: OrderPointsDeps) {
  async function recalculateTier(shopId: number, customerId: number, now: Date): Promise<string[]> {
    const settings = await deps.settings.settingsForCached(shopId);
    const change = await deps.tiers.recalculate(shopId, customerId, settings, now);
    return change ? [`tier ${change.from ?? "none"} → ${change.to ?? "none"}`] : [];
  }

  async function settleOrder(shopId: number, shopifyOrderId: bigint, now: Date, refundId?: string) {
    const facts = await repo.orderFacts(shopId, shopifyOrderId, deps.pool);
    const entries = await repo.pendingEntries(shopId, shopifyOrderId, deps.pool);
    const customerId = entries.find((entry) => entry.cause === "order")?.customerId ?? facts?.customerId;
    if (customerId === undefined || customerId === null || entries.length === 0) return ["no points on this order"];
    const notes = await deps.ledger.withCustomerLock(customerId, (db) =>
      settleOrderPoints({ db, ledger: deps.ledger, repo }, { shopId, shopifyOrderId, now, refundId }),
    );
    return [...notes, ...(await recalculateTier(shopId, customerId, now))];
  }

  return {
    /** Earns the order's points pending (once per order), schedules their maturity, and settles at once if a
     * cancellation or refund arrived first. */
    async earnForPaidOrder(input: PaidOrderInput): Promise<string[]> {
      const settings = await deps.settings.settingsForCached(input.shopId);
      if (!settings.enabled) return ["loyalty program is off"];
      const earned = await deps.ledger.withCustomerLock(input.customerId, (db) =>
        earnOrderPoints({ db, ledger: deps.ledger, repo, settings }, input),
      );
      if (!earned.applied) return earned.notes;
      const shopifyOrderId = BigInt(input.order.id);
      await deps.enqueueMaturity({ shopId: input.shopId, shopifyOrderId, availableAt: earned.availableAt });
      if (earned.milestoneCouponId !== null) await deps.enqueueMilestoneCoupon(earned.milestoneCouponId);
      const settled = await settleOrder(input.shopId, shopifyOrderId, input.now);
      return [...earned.notes, ...settled.filter((note) => note !== "no points on this order")];
    },

    settleOrder,

    /** Records the refund once (by its id), then takes back points if the order's points already matured. */
    async recordRefund(shopId: number, refund: RefundPayload, now: Date): Promise<string[]> {
      const note = await recordRefundOnce(deps, shopId, refund, now);
      return [note, ...(await settleOrder(shopId, BigInt(refund.order_id), now, String(refund.id)))];
    },

    /** Settles every order whose return window ended before `dueBy` (the sweeper for jobs Redis lost). */
    async matureDue(dueBy: Date, now: Date = new Date()): Promise<number> {
      const due = await repo.dueOrders(dueBy, 500, deps.pool);
      for (const order of due) await settleOrder(order.shopId, order.shopifyOrderId, now);
      return due.length;
    },

    recalculateTier,
  };
}

export type OrderPointsService = ReturnType<typeof createOrderPointsService>;
