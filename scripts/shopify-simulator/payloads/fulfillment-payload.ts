// Builds the REST fulfillment resource sent with fulfillments/create and fulfillments/update.
import type { SimFulfillment, SimOrder, SimShop } from "../state/sim-types.js";
import { buildLineItemPayload } from "./line-item-payload.js";
import { shopTime } from "./shop-time.js";

export function trackingUrl(company: string, number: string): string {
  const known: Record<string, string> = {
    UPS: `https://www.ups.com/track?tracknum=${number}`,
    USPS: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
    FedEx: `https://www.fedex.com/fedextrack/?trknbr=${number}`,
    DHL: `https://www.dhl.com/en/express/tracking.html?AWB=${number}`,
  };
  return known[company] ?? `https://track.example.com/${encodeURIComponent(company)}/${number}`;
}

export function buildFulfillmentPayload(shop: SimShop, order: SimOrder, fulfillment: SimFulfillment) {
  const tz = shop.ianaTimezone;
  const url = trackingUrl(fulfillment.trackingCompany, fulfillment.trackingNumber);
  return {
    id: fulfillment.id,
    order_id: order.id,
    status: fulfillment.status,
    created_at: shopTime(fulfillment.createdAt, tz),
    service: "manual",
    updated_at: shopTime(fulfillment.updatedAt, tz),
    tracking_company: fulfillment.trackingCompany,
    shipment_status: fulfillment.shipmentStatus,
    location_id: shop.id + 1,
    origin_address: null,
    email: order.email,
    destination: null,
    line_items: order.lineItems
      .filter((li) => fulfillment.lineItemIds.includes(li.id))
      .map((li) => buildLineItemPayload(order, li, "fulfilled")),
    tracking_number: fulfillment.trackingNumber,
    tracking_numbers: [fulfillment.trackingNumber],
    tracking_url: url,
    tracking_urls: [url],
    receipt: {},
    name: `#${order.orderNumber}.${order.fulfillments.indexOf(fulfillment) + 1}`,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillment.id}`,
  };
}
