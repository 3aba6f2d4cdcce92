// The email side of order and fulfillment webhooks, wired to the outbox, the shipping estimate and our records.
import type { Services } from "../create-services.js";
import type { DeliveryWindowSource } from "../domain/emails/delivery-window-source.js";
import type { OrderEmailDeps } from "../domain/emails/order-emails.js";
import { pickLanguage } from "../domain/emails/pick-language.js";
import { handleFulfillmentEmails, type FulfillmentEmailDeps } from "./handlers/handle-fulfillment-emails.js";
import { handleOrderEmails } from "./handlers/handle-order-emails.js";

/** The shipping estimate, in the shape emails use; nothing ships (no address, no shipping line): no window. */
export function deliveryWindowFrom(services: Services): DeliveryWindowSource {
  return async (shopId, request) => {
    if (!request.countryCode && !request.shippingMethod) return null;
    const destination = { countryCode: request.countryCode, shippingMethod: request.shippingMethod };
    const window = request.shippedAt
      ? await services.shipping.estimateForShipment(shopId, { ...destination, shippedAt: request.shippedAt })
      : await services.shipping.estimateForOrder(shopId, { ...destination, createdAt: request.orderedAt });
    return { earliest: window.earliest, latest: window.latest };
  };
}

/** The language an order's emails are written in (pick-language.ts over the order's locale); null if not recorded. */
export function orderLanguageFrom(services: Services) {
  return async (shopId: number, shopifyOrderId: bigint): Promise<string | null> => {
    const order = await services.repositories.emailOrders.find(shopId, shopifyOrderId);
    if (!order) return null;
    return pickLanguage(
      order.language,
      (await services.repositories.emailSettings.settingsFor(shopId)).defaultLanguage,
    );
  };
}

export function emailWebhookHandlers(
  services: Services,
  countPreviousOrders: OrderEmailDeps["countPreviousOrders"],
  extra: Pick<FulfillmentEmailDeps, "onDelivered"> = {},
) {
  const deps: OrderEmailDeps = {
    enqueueEmail: services.enqueueEmail,
    emailOrders: services.repositories.emailOrders,
    customerIdOf: services.repositories.customers.idOf,
    countPreviousOrders,
    customerByEmail: (shopId, email) =>
      services.prisma.customer.findFirst({
        where: { shopId, email },
        select: { id: true, firstName: true, locale: true },
        orderBy: { id: "desc" },
      }),
    hasEmail: async (shopId, dedupeKey) =>
      (await services.prisma.emailOutbox.count({ where: { shopId, dedupeKey } })) > 0,
  };
  return {
    orderEmails: handleOrderEmails(deps),
    fulfillmentEmails: handleFulfillmentEmails({ ...deps, ...extra }),
  };
}
