// What order emails need to know about an order, kept from its order webhooks for the later shipping emails.
import type { EmailOrder, PrismaClient } from "@prisma/client";
import type { OrderEmailPayload } from "./order-email-payload.js";

// A type, not an interface: it is stored as JSON, which wants an index signature.
export type OrderItem = {
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
};

export function itemsOf(order: OrderEmailPayload): OrderItem[] {
  return order.line_items.map((item) => ({
    title: item.title,
    variantTitle: item.variant_title ?? null,
    quantity: item.quantity,
    price: item.price,
  }));
}

export function createEmailOrderRepository(prisma: PrismaClient) {
  return {
    /** Upserted by every order event of the order; the newest payload's facts win. */
    async record(shopId: number, customerId: number | null, order: OrderEmailPayload): Promise<EmailOrder> {
      const fields = {
        orderName: order.name ?? null,
        email: order.email ?? order.customer?.email ?? null,
        // The customer's locale as Shopify gives it ("id-ID"); the outbox picks the language from it.
        language: order.customer_locale ?? "",
        customerId,
        firstName: order.customer?.first_name ?? null,
        orderedAt: new Date(order.created_at ?? order.updated_at),
        countryCode: order.shipping_address?.country_code ?? null,
        shippingMethod: order.shipping_lines[0]?.title ?? null,
        currencyCode: order.currency ?? null,
        totalPrice: order.total_price ?? null,
        items: itemsOf(order),
      };
      return prisma.emailOrder.upsert({
        where: { shopId_shopifyOrderId: { shopId, shopifyOrderId: BigInt(order.id) } },
        create: { shopId, shopifyOrderId: BigInt(order.id), ...fields },
        update: fields,
      });
    },
    find(shopId: number, shopifyOrderId: number | bigint): Promise<EmailOrder | null> {
      return prisma.emailOrder.findUnique({
        where: { shopId_shopifyOrderId: { shopId, shopifyOrderId: BigInt(shopifyOrderId) } },
      });
    },
  };
}

export type EmailOrderRepository = ReturnType<typeof createEmailOrderRepository>;
