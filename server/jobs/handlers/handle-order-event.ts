// orders/create and orders/paid: record the order and customer, note redeemed coupons, offer a coupon, earn points
// (pending until the return window ends); a cancelled order voids its pending points.
import { UnrecoverableError } from "bullmq";
import type { Shop } from "@prisma/client";
import type { CampaignOrderRepository } from "../../domain/campaigns/campaign-order-repository.js";
import type { CouponRepository } from "../../domain/coupons/coupon-repository.js";
import type { OrderPointsService } from "../../domain/loyalty/order-points-service.js";
import { orderPayloadSchema, type OrderPayload } from "../../domain/orders/order-payload.js";
import {
  recordOrderForThankYouPage,
  type ThankYouPageDeps,
} from "../../domain/orders/record-order-for-thank-you-page.js";
import type { IssueOfferedCoupon } from "../issue-offered-coupon.js";
import type { HandlerOutcome, WebhookHandler } from "../webhook-handler.js";

export interface OrderEventDeps extends ThankYouPageDeps {
  orderPoints: OrderPointsService;
  coupons: CouponRepository;
  issueOfferedCoupon: IssueOfferedCoupon;
  /** Line items for replenishment reminders, and campaign codes this order redeemed. */
  campaignOrders: Pick<CampaignOrderRepository, "record">;
}

/** A code Afterglow issued, used on this order: redeemed once, with this order's subtotal as its revenue. */
async function redeemCodes(deps: OrderEventDeps, shop: Shop, order: OrderPayload): Promise<string[]> {
  const redeemed: string[] = [];
  for (const { code } of order.discount_codes) {
    const at = new Date(order.created_at ?? order.updated_at);
    if (await deps.coupons.markRedeemed(shop.id, code, BigInt(order.id), order.subtotal_price, at)) redeemed.push(code);
  }
  return redeemed;
}

export function handleOrderEvent(deps: OrderEventDeps): WebhookHandler {
  return async (payload, { shop, topic, logger }): Promise<HandlerOutcome> => {
    const parsed = orderPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`order payload invalid: ${parsed.error.message}`);
    const order = parsed.data;
    // The urgent thank-you job has usually done this part already; done again it changes nothing.
    const { customerId, offer } = await recordOrderForThankYouPage(deps, shop, order, { refreshFacts: true });
    const offered = await deps.issueOfferedCoupon(offer, shop.domain, logger);
    const notes = (await redeemCodes(deps, shop, order)).map((code) => `redeemed ${code}`);
    for (const code of await deps.campaignOrders.record(shop.id, customerId, order)) notes.push(`redeemed ${code}`);
    notes.push(offered);
    // orders/paid means paid whatever the status says now; orders/create counts when checkout captured payment.
    const paid = topic === "orders/paid" || order.financial_status === "paid";
    if (order.cancelled_at) {
      const settled = await deps.orderPoints.settleOrder(shop.id, BigInt(order.id), new Date());
      return {
        status: "completed",
        outcome: [`order ${order.name ?? order.id} cancelled`, ...settled, ...notes].join("; "),
      };
    }
    if (!paid) {
      return {
        status: "completed",
        outcome: [`order ${order.name ?? order.id} recorded; points wait for payment`, ...notes].join("; "),
      };
    }
    if (customerId === null) {
      logger.info({ orderId: order.id }, "guest checkout: order recorded, no customer to award points to");
      return { status: "skipped", outcome: "guest checkout: no customer to award points to" };
    }
    const earned = await deps.orderPoints.earnForPaidOrder({ shopId: shop.id, customerId, order, now: new Date() });
    logger.info({ orderId: order.id, outcome: earned.join("; ") }, "order points");
    return { status: "completed", outcome: [...earned, ...notes].join("; ") };
  };
}
