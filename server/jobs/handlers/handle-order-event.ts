// orders/create and orders/paid: record the order and customer, note redeemed coupons, offer a coupon, earn points
// (pending until the return window ends); a cancelled order voids its pending points.
import { UnrecoverableError } from "bullmq";
import type { Shop } from "@prisma/client";
import type { CampaignOrderRepository } from "../../domain/campaigns/campaign-order-repository.js";
import type { CouponRepository } from "../../domain/coupons/coupon-repository.js";
import { offerThankYouCoupon, type OfferDeps } from "../../domain/coupons/offer-thank-you-coupon.js";
import type { CustomerRepository } from "../../domain/customers/customer-repository.js";
import type { OrderPointsService } from "../../domain/loyalty/order-points-service.js";
import { orderPayloadSchema, type OrderPayload } from "../../domain/orders/order-payload.js";
import type { OrderRepository } from "../../domain/orders/order-repository.js";
import type { HandlerOutcome, WebhookHandler } from "../webhook-handler.js";

export interface OrderEventDeps {
  customers: CustomerRepository;
  orders: OrderRepository;
  orderPoints: OrderPointsService;
  coupons: CouponRepository;
  countPreviousOrders: OfferDeps["countPreviousOrders"];
  enqueueCoupon: (couponId: number) => Promise<void>;
  /** Line items for replenishment reminders, and campaign codes this order redeemed. */
  campaignOrders: Pick<CampaignOrderRepository, "record">;
}

async function recordCustomer(deps: OrderEventDeps, shop: Shop, order: OrderPayload): Promise<number | null> {
  if (!order.customer) return null;
  return deps.customers.upsert(shop.id, {
    shopifyCustomerId: order.customer.id,
    email: order.customer.email ?? order.email,
    firstName: order.customer.first_name,
    lastName: order.customer.last_name,
    locale: order.customer_locale,
  });
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

async function offerCoupon(deps: OrderEventDeps, shop: Shop, order: OrderPayload, customerId: number | null) {
  const offer = await offerThankYouCoupon(deps, shop, order, customerId);
  if (offer.kind === "declined") return `no coupon: ${offer.reason}`;
  if (offer.coupon.status === "pending") await deps.enqueueCoupon(offer.coupon.id);
  return `coupon ${offer.coupon.code} ${offer.coupon.status}`;
}

export function handleOrderEvent(deps: OrderEventDeps): WebhookHandler {
  return async (payload, { shop, topic, logger }): Promise<HandlerOutcome> => {
    const parsed = orderPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`order payload invalid: ${parsed.error.message}`);
    const order = parsed.data;
    const customerId = await recordCustomer(deps, shop, order);
    // The coupon row goes in before the order row: the checkout endpoint reads "order recorded, no coupon" as "none",
    // which the thank-you page takes as final. It also starts the coupon job as early as possible.
    const offered = await offerCoupon(deps, shop, order, customerId);
    await deps.orders.record(shop.id, customerId, order);
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
