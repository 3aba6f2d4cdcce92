// The discount mutations' inputs as graphql-js hands them over, and the userError shape Shopify answers with.
import { z } from "zod";

// Decimal arrives as a string or a number: Shopify's scalar accepts both.
const decimal = z.union([z.string(), z.number()]);

const contextSchema = z.object({
  all: z.literal("ALL").nullish(),
  customers: z.object({ add: z.array(z.string()).nullish(), remove: z.array(z.string()).nullish() }).nullish(),
});

const commonShape = {
  title: z.string().nullish(),
  code: z.string().nullish(),
  context: contextSchema.nullish(),
  minimumRequirement: z
    .object({ subtotal: z.object({ greaterThanOrEqualToSubtotal: decimal.nullish() }).nullish() })
    .nullish(),
  combinesWith: z
    .object({
      orderDiscounts: z.boolean().nullish(),
      productDiscounts: z.boolean().nullish(),
      shippingDiscounts: z.boolean().nullish(),
    })
    .nullish(),
  usageLimit: z.number().int().nullish(),
  appliesOncePerCustomer: z.boolean().nullish(),
  startsAt: z.string().nullish(),
  endsAt: z.string().nullish(),
};

export const freeShippingInputSchema = z.object(commonShape);

export const basicInputSchema = z.object({
  ...commonShape,
  customerGets: z
    .object({
      value: z
        .object({
          percentage: z.number().nullish(),
          discountAmount: z.object({ amount: decimal.nullish(), appliesOnEachItem: z.boolean().nullish() }).nullish(),
        })
        .nullish(),
      items: z.object({ all: z.boolean().nullish() }).nullish(),
    })
    .nullish(),
});

export type FreeShippingInput = z.infer<typeof freeShippingInputSchema>;
export type BasicInput = z.infer<typeof basicInputSchema>;
export type CommonInput = FreeShippingInput;

export type DiscountErrorCode =
  | "BLANK"
  | "INVALID"
  | "TAKEN"
  | "TOO_LONG"
  | "VALUE_OUTSIDE_RANGE"
  | "GREATER_THAN"
  | "EXCEEDED_MAX"
  | "INVALID_COMBINES_WITH_FOR_DISCOUNT_CLASS";

export interface DiscountUserError {
  field: string[];
  code: DiscountErrorCode;
  message: string;
  extraInfo: string | null;
}

/** Collects userErrors; `field` paths start with the mutation's argument name, as Shopify's do. */
export class UserErrorList {
  readonly errors: DiscountUserError[] = [];

  constructor(readonly argName: string) {}

  add(path: string[], code: DiscountErrorCode, message: string): void {
    this.errors.push({ field: [this.argName, ...path], code, message, extraInfo: null });
  }
}

/** Integer cents of a Decimal input, or null when it is not a plain non-negative amount. */
export function decimalCents(value: string | number): number | null {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** A DateTime input as a Date, or null when it does not parse. */
export function parseDateTime(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
