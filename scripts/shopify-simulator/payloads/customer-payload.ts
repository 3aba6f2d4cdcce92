// Builds the REST customer resource as customers/create and the order payload's `customer` carry it.
import type { SimCustomer, SimShop } from "../state/sim-types.js";
import { shopTime } from "./shop-time.js";

export type CustomerPayload = ReturnType<typeof buildCustomerPayload>;

export function buildCustomerPayload(shop: SimShop, customer: SimCustomer) {
  const tz = shop.ianaTimezone;
  const consentAt = customer.acceptsMarketing ? shopTime(customer.createdAt, tz) : null;
  return {
    id: customer.id,
    email: customer.email,
    created_at: shopTime(customer.createdAt, tz),
    updated_at: shopTime(customer.updatedAt, tz),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: "enabled",
    note: null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    phone: customer.phone,
    locale: customer.locale,
    currency: shop.currencyCode,
    tags: "",
    email_marketing_consent: {
      state: customer.acceptsMarketing ? "subscribed" : "not_subscribed",
      opt_in_level: "single_opt_in",
      consent_updated_at: consentAt,
    },
    sms_marketing_consent: null,
    admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`,
    default_address: null,
    tax_exemptions: [],
    addresses: [],
  };
}
