import { milestoneNeighbours, milestoneTurn } from "../../../server/domain/emails/shipping-milestones.js";

describe("the order of a parcel's emails", () => {
  test("out for delivery and shipped are dropped once the order's delivered email exists, whatever its state", () => {
    for (const kind of ["out_for_delivery", "shipped"]) {
      for (const status of ["queued", "sending", "sent", "skipped", "failed"]) {
        expect(milestoneTurn(kind, [{ kind: "delivered", status }])).toEqual({
          turn: "superseded",
          reason: "superseded: the order's delivered email exists",
        });
      }
    }
    expect(milestoneTurn("out_for_delivery", [{ kind: "shipped", status: "sending" }])).toEqual({ turn: "send" });
  });

  test("delivered waits while an earlier milestone is on the wire, and goes once it is not", () => {
    expect(milestoneTurn("delivered", [{ kind: "out_for_delivery", status: "sending" }])).toEqual({ turn: "wait" });
    expect(milestoneTurn("delivered", [{ kind: "shipped", status: "sending" }])).toEqual({ turn: "wait" });
    for (const status of ["queued", "sent", "skipped", "failed"]) {
      expect(milestoneTurn("delivered", [{ kind: "out_for_delivery", status }])).toEqual({ turn: "send" });
    }
  });

  test("kinds outside the parcel's journey have no neighbours and always send", () => {
    expect(milestoneNeighbours("order_received")).toEqual([]);
    expect(milestoneNeighbours("delivered").sort()).toEqual(["out_for_delivery", "shipped"]);
    expect(milestoneTurn("nps_survey", [{ kind: "delivered", status: "sending" }])).toEqual({ turn: "send" });
  });
});
