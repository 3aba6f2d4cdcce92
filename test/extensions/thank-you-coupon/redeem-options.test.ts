import { redeemOptions, type PointsView } from "../../../extensions/thank-you-coupon/src/points-api.js";

const view = (balance: number, redemption: Partial<PointsView["redemption"]> = {}): PointsView => ({
  balance,
  pending: 0,
  tier: null,
  redemption: { enabled: true, pointsPerCurrencyUnit: 100, minimumPoints: 500, currencyCode: "USD", ...redemption },
});

describe("redeemOptions", () => {
  it.each([
    [499, {}, []],
    [500, {}, [500]],
    [1250, {}, [500, 1200]],
    [1250, { minimumPoints: 450 }, [500, 1200]],
    [1250, { enabled: false }, []],
    [-40, {}, []],
  ])("balance %i with %j offers %j", (balance, redemption, expected) => {
    expect(redeemOptions(view(balance, redemption))).toEqual(expected);
  });
});
