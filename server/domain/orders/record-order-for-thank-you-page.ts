// What the thank-you page reads about an order: its customer, its coupon offer (coupon row first) and the order row.
import type { Shop } from "@prisma/client";
import { offerThankYouCoupon, type Offer, type OfferDeps } from "../coupons/offer-thank-you-coupon.js";
import type { CustomerRepository } from "../customers/customer-repository.js";
import type { OrderPayload } from "./order-payload.js";
import type { OrderRepository } from "./order-repository.js";

export interface ThankYouPageDeps extends OfferDeps {
  customers: Pick<CustomerRepository, "upsert">;
  orders: Pick<OrderRepository, "record">;
}

export interface ThankYouPageRecord {
  customerId: number | null;
  offer: Offer;
}

/**
 * Safe to run any number of times, by the urgent thank-you job and again by the order's full webhook handler.
 * The coupon row goes in before the order row: the checkout endpoint reads "order recorded, no coupon" as "none",
 * which the thank-you page takes as final.
 */
export async function recordOrderForThankYouPage(
  deps: ThankYouPageDeps,
  shop: Shop,
  order: OrderPayload,
): Promise<ThankYouPageRecord> {
  const customerId = order.customer
    ? await deps.customers.upsert(shop.id, {
        shopifyCustomerId: order.customer.id,
        email: order.customer.email ?? order.email,
        firstName: order.customer.first_name,
        lastName: order.customer.last_name,
        locale: order.customer_locale,
      })
    : null;
  const offer = await offerThankYouCoupon(deps, shop, order, customerId);
  await deps.orders.record(shop.id, customerId, order);
  return { customerId, offer };
}
