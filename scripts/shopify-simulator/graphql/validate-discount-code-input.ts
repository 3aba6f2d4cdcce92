// Checks a discount code input the way Shopify does before creating it, turning each problem into a userError.
import { formatCents } from "../state/money.js";
import type { CreateDiscountCodeInput, SimDiscountCombinesWith, SimDiscountValue } from "../state/sim-types.js";
import {
  decimalCents,
  parseDateTime,
  UserErrorList,
  type BasicInput,
  type CommonInput,
  type DiscountUserError,
} from "./discount-code-input.js";
import type { GraphQLContext } from "./graphql-context.js";

// Shopify's limits: codes up to 255 characters, at most 100 customers named in one discount's context.
const MAX_CODE_LENGTH = 255;
const MAX_CONTEXT_CUSTOMERS = 100;

export interface DiscountInputResult {
  input: CreateDiscountCodeInput | null;
  userErrors: DiscountUserError[];
}

function checkTitleAndCode(ctx: GraphQLContext, raw: CommonInput, errors: UserErrorList): string {
  if (!raw.title?.trim()) errors.add(["title"], "BLANK", "Title can't be blank");
  const code = raw.code?.trim() ?? "";
  if (!code) errors.add(["code"], "BLANK", "Code can't be blank");
  else if (code.length > MAX_CODE_LENGTH)
    errors.add(["code"], "TOO_LONG", `Code is too long (maximum is ${MAX_CODE_LENGTH} characters)`);
  else if (ctx.store.discountCodes.find(ctx.shop.domain, code))
    errors.add(["code"], "TAKEN", "Code must be unique. Please try a different code.");
  return code;
}

function checkDates(raw: CommonInput, errors: UserErrorList): { startsAt: Date; endsAt: Date | null } {
  const startsAt = raw.startsAt ? parseDateTime(raw.startsAt) : null;
  const endsAt = raw.endsAt ? parseDateTime(raw.endsAt) : null;
  if (!raw.startsAt) errors.add(["startsAt"], "BLANK", "Starts at can't be blank");
  else if (!startsAt) errors.add(["startsAt"], "INVALID", "Starts at is invalid");
  if (raw.endsAt && !endsAt) errors.add(["endsAt"], "INVALID", "Ends at is invalid");
  if (startsAt && endsAt && endsAt <= startsAt)
    errors.add(["endsAt"], "INVALID", "Ends at needs to be after starts_at");
  return { startsAt: startsAt ?? new Date(0), endsAt };
}

/** Customer ids the code is limited to (null: every buyer); unknown customers are INVALID as in Shopify. */
function checkContext(ctx: GraphQLContext, raw: CommonInput, errors: UserErrorList): number[] | null {
  const context = raw.context;
  const add = context?.customers?.add ?? [];
  if (!context || (!context.all && !context.customers)) {
    errors.add(["context"], "BLANK", "Context can't be blank");
    return null;
  }
  if (context.all && context.customers) {
    errors.add(["context"], "INVALID", "Only one of all, customers or customerSegments can be set");
    return null;
  }
  if (context.all) return null;
  if (add.length === 0) errors.add(["context", "customers", "add"], "BLANK", "Customers can't be blank");
  if (add.length > MAX_CONTEXT_CUSTOMERS)
    errors.add(["context", "customers", "add"], "EXCEEDED_MAX", `Customers can't exceed ${MAX_CONTEXT_CUSTOMERS}`);
  const ids: number[] = [];
  for (const gid of add) {
    const match = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(gid);
    const customer = match ? ctx.store.findCustomer(ctx.shop.domain, Number(match[1])) : undefined;
    if (customer) ids.push(customer.id);
    else
      errors.add(
        ["context", "customers", "add"],
        "INVALID",
        `Customer with id: ${gid.split("/").pop() ?? gid} is invalid`,
      );
  }
  return [...new Set(ids)];
}

function checkLimits(raw: CommonInput, errors: UserErrorList): { minimumSubtotal: string | null } {
  if (raw.usageLimit != null && raw.usageLimit < 1)
    errors.add(["usageLimit"], "GREATER_THAN", "Usage limit must be greater than 0");
  const subtotal = raw.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal;
  if (subtotal == null) return { minimumSubtotal: null };
  const cents = decimalCents(subtotal);
  if (cents === null) {
    const path = ["minimumRequirement", "subtotal", "greaterThanOrEqualToSubtotal"];
    errors.add(path, "INVALID", "Minimum subtotal is invalid");
    return { minimumSubtotal: null };
  }
  return { minimumSubtotal: formatCents(cents) };
}

function combinesWith(raw: CommonInput): SimDiscountCombinesWith {
  return {
    orderDiscounts: raw.combinesWith?.orderDiscounts ?? false,
    productDiscounts: raw.combinesWith?.productDiscounts ?? false,
    shippingDiscounts: raw.combinesWith?.shippingDiscounts ?? false,
  };
}

/** What customerGets asks for; Shopify takes exactly one of percentage and discountAmount, on all items here. */
function checkCustomerGets(raw: BasicInput, errors: UserErrorList): SimDiscountValue {
  const value = raw.customerGets?.value;
  const fallback: SimDiscountValue = { type: "percentage", percentage: 0 };
  if (raw.customerGets?.items?.all !== true)
    errors.add(["customerGets", "items"], "BLANK", "Items in 'customer gets' must be defined");
  if (value?.percentage == null && !value?.discountAmount) {
    errors.add(["customerGets", "value"], "BLANK", "Value can't be blank");
    return fallback;
  }
  if (value.percentage != null && value.discountAmount) {
    errors.add(["customerGets", "value"], "INVALID", "Only one of percentage or discountAmount can be set");
    return fallback;
  }
  if (value.percentage != null) {
    if (value.percentage < 0 || value.percentage > 1)
      errors.add(["customerGets", "value", "percentage"], "VALUE_OUTSIDE_RANGE", "Value must be between 0.0 and 1.0");
    return { type: "percentage", percentage: value.percentage };
  }
  const amount = value.discountAmount?.amount;
  const cents = amount == null ? null : decimalCents(amount);
  const path = ["customerGets", "value", "discountAmount", "amount"];
  if (cents === null) errors.add(path, "INVALID", "Amount is invalid");
  else if (cents <= 0) errors.add(path, "GREATER_THAN", "Value must be greater than 0");
  const appliesOnEachItem = value.discountAmount?.appliesOnEachItem ?? false;
  return { type: "fixed_amount", amount: formatCents(cents ?? 0), appliesOnEachItem };
}

function checkCommon(ctx: GraphQLContext, raw: CommonInput, errors: UserErrorList) {
  const code = checkTitleAndCode(ctx, raw, errors);
  const dates = checkDates(raw, errors);
  const customerIds = checkContext(ctx, raw, errors);
  const limits = checkLimits(raw, errors);
  return {
    title: raw.title?.trim() ?? "",
    code,
    customerIds,
    ...dates,
    ...limits,
    combinesWith: combinesWith(raw),
    usageLimit: raw.usageLimit ?? null,
    appliesOncePerCustomer: raw.appliesOncePerCustomer ?? false,
  };
}

export function validateBasicInput(ctx: GraphQLContext, argName: string, raw: BasicInput): DiscountInputResult {
  const errors = new UserErrorList(argName);
  const common = checkCommon(ctx, raw, errors);
  const value = checkCustomerGets(raw, errors);
  if (errors.errors.length > 0) return { input: null, userErrors: errors.errors };
  return { input: { ...common, value }, userErrors: [] };
}

export function validateFreeShippingInput(ctx: GraphQLContext, argName: string, raw: CommonInput): DiscountInputResult {
  const errors = new UserErrorList(argName);
  const common = checkCommon(ctx, raw, errors);
  // A shipping discount cannot stack with another shipping discount.
  if (common.combinesWith.shippingDiscounts)
    errors.add(
      ["combinesWith"],
      "INVALID_COMBINES_WITH_FOR_DISCOUNT_CLASS",
      "The combinesWith settings are not valid for the discount class.",
    );
  if (errors.errors.length > 0) return { input: null, userErrors: errors.errors };
  return { input: { ...common, value: { type: "free_shipping" } }, userErrors: [] };
}
