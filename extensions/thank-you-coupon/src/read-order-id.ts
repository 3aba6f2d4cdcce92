// Finds the order id on whichever page the block runs: the thank-you page's orderConfirmation or the order-status page's order.

interface ValueOf<T> {
  readonly value: T;
}

/** The two places an order id can be; each target provides only one of them. */
export interface OrderSources {
  orderConfirmation?: ValueOf<{ order?: { id?: string } } | undefined>;
  order?: ValueOf<{ id?: string } | undefined>;
}

export function readOrderId(api: OrderSources): string | undefined {
  const id = api.orderConfirmation?.value?.order?.id ?? api.order?.value?.id;
  return id ? id : undefined;
}
