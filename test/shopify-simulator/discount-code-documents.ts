// The Admin GraphQL documents the discount code tests send: the fields the app reads back after creating a code.
const CODE_DISCOUNT = `fragment CodeDiscount on DiscountCodeNode {
  id
  codeDiscount {
    __typename
    ... on DiscountCodeBasic {
      title status startsAt endsAt usageLimit appliesOncePerCustomer asyncUsageCount
      codes(first: 1) { nodes { code } }
      customerGets {
        value {
          ... on DiscountPercentage { percentage }
          ... on DiscountAmount { amount { amount currencyCode } appliesOnEachItem }
        }
      }
      minimumRequirement { ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount currencyCode } } }
      combinesWith { orderDiscounts productDiscounts shippingDiscounts }
      context { ... on DiscountCustomers { customers { id } } ... on DiscountBuyerSelectionAll { all } }
    }
    ... on DiscountCodeFreeShipping {
      title status startsAt endsAt usageLimit appliesOncePerCustomer asyncUsageCount
      codes(first: 1) { nodes { code } }
      combinesWith { orderDiscounts productDiscounts shippingDiscounts }
      context { ... on DiscountCustomers { customers { id } } ... on DiscountBuyerSelectionAll { all } }
    }
  }
}`;

export const CREATE_BASIC = `mutation CreateBasic($discount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $discount) {
    codeDiscountNode { ...CodeDiscount }
    userErrors { field code message }
  }
}
${CODE_DISCOUNT}`;

export const CREATE_FREE_SHIPPING = `mutation CreateFreeShipping($discount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) {
    codeDiscountNode { ...CodeDiscount }
    userErrors { field code message }
  }
}
${CODE_DISCOUNT}`;

export const FIND_BY_CODE = `query FindCode($code: String!) { codeDiscountNodeByCode(code: $code) { ...CodeDiscount } }
${CODE_DISCOUNT}`;
