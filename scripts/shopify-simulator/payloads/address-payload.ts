// Builds a plausible REST address for order payloads from the buyer's name and the shop's country.
import type { SimShop } from "../state/sim-types.js";

export function buildAddressPayload(shop: SimShop, firstName: string, lastName: string) {
  return {
    first_name: firstName,
    last_name: lastName,
    name: `${firstName} ${lastName}`.trim(),
    address1: "1 Simulated Street",
    address2: null,
    city: "Springfield",
    province: null,
    province_code: null,
    zip: "12345",
    country: shop.countryCode,
    country_code: shop.countryCode,
    phone: null,
    company: null,
    latitude: null,
    longitude: null,
  };
}
