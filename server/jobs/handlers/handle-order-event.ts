// orders/create and orders/paid: record the order and its customer, and award points once it is paid.
import { UnrecoverableError } from "bullmq";
import type { CustomerRepository } from "../../domain/customers/customer-repository.js";
import { awardPointsForPaidOrder } from "../../domain/loyalty/award-points-for-paid-order.js";
import type { LedgerRepository } from "../../domain/loyalty/ledger-repository.js";
import { orderPayloadSchema } from "../../domain/orders/order-payload.js";
import type { OrderRepository } from "../../domain/orders/order-repository.js";
import type { HandlerOutcome, WebhookHandler } from "../webhook-handler.js";

export interface OrderEventDeps {
  customers: CustomerRepository;
  orders: OrderRepository;
  ledger: LedgerRepository;
}

export function handleOrderEvent(deps: OrderEventDeps): WebhookHandler {
  return async (payload, { shop, topic, logger }): Promise<HandlerOutcome> => {
    const parsed = orderPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`order payload invalid: ${parsed.error.message}`);
    const order = parsed.data;
    const customerId = order.customer
      ? await deps.customers.upsert(shop.id, {
          shopifyCustomerId: order.customer.id,
          email: order.customer.email ?? order.email,
          firstName: order.customer.first_name,
          lastName: order.customer.last_name,
          locale: order.customer_locale,
        })
      : null;
    await deps.orders.record(shop.id, customerId, order);
    // orders/paid means paid whatever the status says now; orders/create counts when checkout captured payment.
    const paid = topic === "orders/paid" || order.financial_status === "paid";
    if (!paid || order.cancelled_at) {
      return { status: "completed", outcome: `order ${order.name ?? order.id} recorded; points wait for payment` };
    }
    if (customerId === null) {
      logger.info({ orderId: order.id }, "guest checkout: order recorded, no customer to award points to");
      return { status: "skipped", outcome: "guest checkout: no customer to award points to" };
    }
    const award = await awardPointsForPaidOrder(
      deps.ledger,
      { shopId: shop.id, customerId, shopifyOrderId: order.id, orderName: order.name, subtotal: order.subtotal_price },
      shop.pointsPerCurrencyUnit.toString(),
    );
    switch (award.kind) {
      case "awarded":
        logger.info({ orderId: order.id, points: award.points, balance: award.balance }, "points awarded");
        return { status: "completed", outcome: `awarded ${award.points} points (balance ${award.balance})` };
      case "already_awarded":
        return { status: "completed", outcome: "points for this order were already awarded" };
      case "nothing_to_award":
        return { status: "completed", outcome: "subtotal earns no points" };
    }
  };
}
