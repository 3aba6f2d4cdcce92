// How emails learn an order's delivery window: from the shipping estimate when the shop has one, else not at all.
// A type, not an interface: it is stored in the email's JSON data.
export type DeliveryWindow = {
  /** Calendar days "YYYY-MM-DD" in the shop's time zone. */
  earliest: string;
  latest: string;
};

export interface WindowRequest {
  orderedAt: Date;
  countryCode: string | null;
  shippingMethod: string | null;
  /** When the parcel left: the window is recomputed from it on the shipped email. */
  shippedAt?: Date;
}

/** null when no estimate is available; an email then simply leaves the window out. */
export type DeliveryWindowSource = (shopId: number, request: WindowRequest) => Promise<DeliveryWindow | null>;

export const noDeliveryWindow: DeliveryWindowSource = () => Promise.resolve(null);
