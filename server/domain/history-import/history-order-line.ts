// One line of the history export (an order with its customer inline), parsed to the rows we keep.
import { z } from "zod";

const gidNumber = (type: string) =>
  z
    .string()
    .regex(new RegExp(`^gid://shopify/${type}/\\d+$`))
    .transform((gid) => gid.slice(gid.lastIndexOf("/") + 1));

const money = z.object({ shopMoney: z.object({ amount: z.string() }) });

/** Only the fields the import stores; anything else Shopify adds is ignored. */
export const historyOrderLineSchema = z.object({
  id: gidNumber("Order"),
  name: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  currencyCode: z.string().nullish(),
  subtotalPriceSet: money.nullish(),
  currentSubtotalPriceSet: money,
  customer: z
    .object({
      id: gidNumber("Customer"),
      email: z.string().nullish(),
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      locale: z.string().nullish(),
    })
    .nullish(),
});

export interface HistoryOrderRow {
  shopifyOrderId: string;
  shopifyCustomerId: string | null;
  name: string | null;
  currencyCode: string | null;
  /**
   * What is left after refunds made before the install (current subtotal): their refund webhooks never come, so
   * net revenue would otherwise count them; later refunds arrive as webhooks and are subtracted as usual.
   */
  subtotal: string;
  financialStatus: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryCustomerRow {
  shopifyCustomerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
}

export function parseHistoryLine(line: string): { order: HistoryOrderRow; customer: HistoryCustomerRow | null } {
  const node = historyOrderLineSchema.parse(JSON.parse(line));
  const customer = node.customer
    ? {
        shopifyCustomerId: node.customer.id,
        email: node.customer.email ?? null,
        firstName: node.customer.firstName ?? null,
        lastName: node.customer.lastName ?? null,
        locale: node.customer.locale ?? null,
      }
    : null;
  return {
    customer,
    order: {
      shopifyOrderId: node.id,
      shopifyCustomerId: customer?.shopifyCustomerId ?? null,
      name: node.name ?? null,
      currencyCode: node.currencyCode ?? null,
      subtotal: node.currentSubtotalPriceSet.shopMoney.amount,
      financialStatus: node.displayFinancialStatus?.toLowerCase() ?? null,
      cancelledAt: node.cancelledAt ?? null,
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
    },
  };
}
