import { parseHistoryLine } from "../../../server/domain/history-import/history-order-line.js";

const money = (amount: string) => ({ shopMoney: { amount } });
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    id: "gid://shopify/Order/501",
    name: "#1501",
    createdAt: "2026-03-01T10:00:00Z",
    updatedAt: "2026-03-05T10:00:00Z",
    displayFinancialStatus: "PARTIALLY_REFUNDED",
    currencyCode: "USD",
    customer: null,
    ...fields,
  });

describe("a history line's refunds", () => {
  test("one refund takes all the refunded goods: 100.00 ordered, 40.00 left -> 60.00 refunded on its own date", () => {
    const parsed = parseHistoryLine(
      line({
        subtotalPriceSet: money("100.00"),
        currentSubtotalPriceSet: money("40.00"),
        refunds: [
          { id: "gid://shopify/Refund/9", createdAt: "2026-03-04T08:00:00Z", totalRefundedSet: money("66.00") },
        ],
      }),
    );
    expect(parsed.order.subtotal).toBe("100.00");
    expect(parsed.refunds).toEqual([
      { shopifyRefundId: "9", shopifyOrderId: "501", subtotal: "60.00", refundedAt: "2026-03-04T08:00:00Z" },
    ]);
  });

  test("two refunds share 60.00 by their totals 33.00 : 44.00 -> 25.71 and the remaining 34.29", () => {
    const parsed = parseHistoryLine(
      line({
        subtotalPriceSet: money("100.00"),
        currentSubtotalPriceSet: money("40.00"),
        refunds: [
          { id: "gid://shopify/Refund/1", createdAt: "2026-03-02T08:00:00Z", totalRefundedSet: money("33.00") },
          { id: "gid://shopify/Refund/2", createdAt: "2026-03-03T08:00:00Z", totalRefundedSet: money("44.00") },
        ],
      }),
    );
    expect(parsed.refunds.map((refund) => [refund.shopifyRefundId, refund.subtotal, refund.refundedAt])).toEqual([
      ["1", "25.71", "2026-03-02T08:00:00Z"],
      ["2", "34.29", "2026-03-03T08:00:00Z"],
    ]);
  });

  test("without the original subtotal there is nothing to subtract from: the current subtotal, no refund rows", () => {
    const parsed = parseHistoryLine(
      line({
        currentSubtotalPriceSet: money("40.00"),
        refunds: [{ id: "gid://shopify/Refund/3", createdAt: null, totalRefundedSet: money("66.00") }],
      }),
    );
    expect(parsed.order.subtotal).toBe("40.00");
    expect(parsed.refunds).toEqual([]);
  });
});
