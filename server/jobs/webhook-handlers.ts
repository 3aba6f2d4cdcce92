// Which handler each webhook topic runs, composed from the domain services (consent and delivery tracking around them).
import type { Services } from "../create-services.js";
import { createComplianceRequestRepository } from "../domain/compliance/compliance-request-repository.js";
import { createComplianceService } from "../domain/compliance/compliance-service.js";
import { emailWebhookHandlers } from "./email-webhook-handlers.js";
import { chainHandlers } from "./handlers/chain-handlers.js";
import { handleAppUninstalled } from "./handlers/handle-app-uninstalled.js";
import { complianceHandlers } from "./handlers/handle-compliance-request.js";
import { handleCustomerCreated } from "./handlers/handle-customer-created.js";
import { handleOrderEvent } from "./handlers/handle-order-event.js";
import { handleRefundCreated } from "./handlers/handle-refund-created.js";
import { withConsentRecording } from "./handlers/record-consent-then.js";
import { withDeliveryTracking } from "./handlers/track-delivery-then.js";
import { deliveryTrackingDeps } from "./start-delayed-check-worker.js";
import { issueOfferedCouponFrom, thankYouPageDepsFrom } from "./start-thank-you-worker.js";
import type { WebhookHandler } from "./webhook-handler.js";
import type { WebhookTopic } from "./webhook-topics.js";

export function webhookHandlers(services: Services): Partial<Record<WebhookTopic, WebhookHandler>> {
  const { customers, orders, shops } = services.repositories;
  const countPreviousOrders = orders.countPreviousOrders;
  const orderEvent = handleOrderEvent({
    ...thankYouPageDepsFrom(services),
    coupons: services.repositories.coupons,
    orderPoints: services.loyalty.orderPoints,
    issueOfferedCoupon: issueOfferedCouponFrom(services),
    campaignOrders: services.repositories.campaignOrders,
  });
  const compliance = complianceHandlers(createComplianceService(createComplianceRequestRepository(services.pool)));
  const emails = emailWebhookHandlers(services, countPreviousOrders);
  const handlers = withConsentRecording(services.repositories.emailConsents, {
    "orders/create": chainHandlers(orderEvent, emails.orderEmails),
    "orders/paid": chainHandlers(orderEvent, emails.orderEmails),
    "orders/cancelled": orderEvent,
    "fulfillments/create": emails.fulfillmentEmails,
    "fulfillments/update": emails.fulfillmentEmails,
    "refunds/create": handleRefundCreated(services.loyalty.orderPoints),
    "customers/create": handleCustomerCreated(customers, services.loyalty.rewards),
    "app/uninstalled": handleAppUninstalled({
      shops,
      deleteSessions: async (domain) => {
        const sessions = await services.sessionStorage.findSessionsByShop(domain);
        await services.sessionStorage.deleteSessions(sessions.map((session) => session.id));
      },
    }),
    ...compliance,
  });
  return withDeliveryTracking(deliveryTrackingDeps(services), handlers);
}
