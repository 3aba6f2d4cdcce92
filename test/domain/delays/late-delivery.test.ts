import { lateness } from "../../../server/domain/delays/late-delivery.js";

const window = { earliest: "2026-12-01", latest: "2026-12-03" };

describe("lateness", () => {
  test("the window's last day is still on time until midnight in the shop's zone (Jakarta, UTC+7)", () => {
    expect(lateness(window, new Date("2026-12-03T16:59:59Z"), "Asia/Jakarta", 14)).toBe("on_time");
    expect(lateness(window, new Date("2026-12-03T17:00:00Z"), "Asia/Jakarta", 14)).toBe("late");
  });

  test("the same moment is late in Manila and on time in New York", () => {
    const at = new Date("2026-12-04T02:00:00Z"); // 10:00 on 4 Dec in Manila, 21:00 on 3 Dec in New York
    expect(lateness(window, at, "Asia/Manila", 14)).toBe("late");
    expect(lateness(window, at, "America/New_York", 14)).toBe("on_time");
  });

  test("past the horizon no apology is due: 14 days after 3 Dec is the last late day", () => {
    expect(lateness(window, new Date("2026-12-17T12:00:00Z"), "UTC", 14)).toBe("late");
    expect(lateness(window, new Date("2026-12-18T00:00:00Z"), "UTC", 14)).toBe("past_horizon");
  });

  test("before the window is on time", () => {
    expect(lateness(window, new Date("2026-11-28T12:00:00Z"), "UTC", 14)).toBe("on_time");
  });
});
