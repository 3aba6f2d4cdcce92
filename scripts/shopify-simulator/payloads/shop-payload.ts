// Builds the REST shop resource that app/uninstalled carries, and the compliance topics' payloads.
import type { SimCustomer, SimShop } from "../state/sim-types.js";
import { shopTime } from "./shop-time.js";

export function buildShopPayload(shop: SimShop) {
  const tz = shop.ianaTimezone;
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    province: null,
    country: shop.countryCode,
    address1: "1 Simulated Street",
    zip: "12345",
    city: "Springfield",
    source: null,
    phone: null,
    latitude: null,
    longitude: null,
    primary_locale: "en",
    address2: null,
    created_at: shopTime(shop.createdAt, tz),
    updated_at: shopTime(shop.updatedAt, tz),
    country_code: shop.countryCode,
    country_name: shop.countryCode,
    currency: shop.currencyCode,
    customer_email: shop.email,
    timezone: `(GMT) ${tz}`,
    iana_timezone: tz,
    shop_owner: shop.name,
    money_format: "${{amount}}",
    money_with_currency_format: `\${{amount}} ${shop.currencyCode}`,
    weight_unit: "kg",
    province_code: null,
    taxes_included: false,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: "Development",
    plan_name: "partner_test",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.domain,
    password_enabled: true,
    has_storefront: true,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [shop.currencyCode],
  };
}

export function buildCustomerDataRequestPayload(
  shop: SimShop,
  customer: SimCustomer,
  orderIds: number[],
  requestId: number,
) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    orders_requested: orderIds,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    data_request: { id: requestId },
  };
}

export function buildCustomerRedactPayload(shop: SimShop, customer: SimCustomer, orderIds: number[]) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: orderIds,
  };
}

export function buildShopRedactPayload(shop: SimShop) {
  return { shop_id: shop.id, shop_domain: shop.domain };
}
