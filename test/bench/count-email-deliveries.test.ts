import { countEmailDeliveries, type OutboxSummary } from "../../bench/count-email-deliveries.js";

const row = (orderId: string, kind: string, status: string, messageId: string | null): OutboxSummary => ({
  orderId,
  kind,
  status,
  messageId,
});
const caught = (messageId: string | null) => ({ messageId, receivedAt: "2026-11-25T20:00:00Z", to: [], subject: "" });

describe("the emails bench's count of lost and duplicated messages", () => {
  test("one message per row is neither lost nor duplicated; rows skipped on purpose are not expected", () => {
    const rows = [
      row("1", "shipped", "sent", "<a>"),
      row("1", "delivered", "sent", "<b>"),
      row("1", "out_for_delivery", "skipped", null),
    ];
    expect(countEmailDeliveries(rows, [caught("<a>"), caught("<b>")])).toMatchObject({
      expected: 2,
      lost: 0,
      duplicated: 0,
    });
  });

  test("a row that never arrived is lost, failed rows included; a second copy or a stray message is duplicated", () => {
    const rows = [
      row("1", "shipped", "sent", "<a>"),
      row("2", "shipped", "failed", "<b>"),
      row("3", "shipped", "queued", null),
    ];
    const counted = countEmailDeliveries(rows, [caught("<a>"), caught("<a>"), caught("<zzz>")]);
    expect(counted).toMatchObject({ expected: 3, lost: 2, duplicated: 2 });
    expect(counted.examples).toEqual(
      expect.arrayContaining(["lost: 2:shipped", "lost: 3:shipped", "duplicated: 1:shipped x2"]),
    );
  });
});
