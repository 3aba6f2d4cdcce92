// refunds/create: record the refund once (by its id) and take back points in proportion, or void pending ones.
import { UnrecoverableError } from "bullmq";
import type { OrderPointsService } from "../../domain/loyalty/order-points-service.js";
import { refundPayloadSchema } from "../../domain/orders/refund-payload.js";
import type { WebhookHandler } from "../webhook-handler.js";

export function handleRefundCreated(orderPoints: OrderPointsService): WebhookHandler {
  return async (payload, { shop, logger }) => {
    const parsed = refundPayloadSchema.safeParse(payload);
    if (!parsed.success) throw new UnrecoverableError(`refund payload invalid: ${parsed.error.message}`);
    const notes = await orderPoints.recordRefund(shop.id, parsed.data, new Date());
    logger.info({ refundId: parsed.data.id, orderId: parsed.data.order_id, outcome: notes.join("; ") }, "refund");
    return { status: "completed", outcome: notes.join("; ") };
  };
}
