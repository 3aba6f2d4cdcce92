import fc from "fast-check";
import { DateTime } from "luxon";
import { estimateDelivery, estimateDeliveryFromShipment } from "../../../server/domain/shipping/estimate-delivery.js";
import type { ShippingSettings } from "../../../server/domain/shipping/shipping-settings.js";

const zones = ["America/New_York", "Europe/Berlin", "Asia/Jakarta", "Asia/Manila", "Pacific/Auckland", "UTC"];

const settingsArbitrary: fc.Arbitrary<ShippingSettings> = fc
  .record({
    cutoffHour: fc.integer({ min: 0, max: 24 }),
    processingDays: fc.integer({ min: 0, max: 10 }),
    workingWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    // Holidays within the years the orders fall in, so they land inside windows.
    holidays: fc.uniqueArray(
      fc
        .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      { maxLength: 40 },
    ),
    minDays: fc.integer({ min: 0, max: 15 }),
    extraDays: fc.integer({ min: 0, max: 15 }),
  })
  .map(({ minDays, extraDays, ...rest }) => ({
    ...rest,
    transit: [{ name: "Any", countryCodes: [], shippingMethods: [], minDays, maxDays: minDays + extraDays }],
    transitOnWorkingDaysOnly: true,
  }));

const instant = fc.date({
  min: new Date("2026-01-01T00:00:00Z"),
  max: new Date("2028-06-30T00:00:00Z"),
  noInvalidDate: true,
});

function isWorkingDay(date: string, settings: ShippingSettings): boolean {
  const weekday = DateTime.fromISO(date, { zone: "utc" }).weekday;
  return settings.workingWeekdays.includes(weekday) && !settings.holidays.includes(date);
}

describe("delivery window properties", () => {
  it("never starts before the order date, stays in order, and never ships or arrives on a day off", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), settingsArbitrary, (orderedAt, timeZone, settings) => {
        const window = estimateDelivery({ orderedAt, timeZone, settings });
        const orderDate = DateTime.fromJSDate(orderedAt, { zone: timeZone }).toISODate() ?? "";
        expect(window.shipBy >= orderDate).toBe(true);
        expect(window.earliest >= window.shipBy).toBe(true);
        expect(window.latest >= window.earliest).toBe(true);
        for (const date of [window.shipBy, window.earliest, window.latest])
          expect(isWorkingDay(date, settings)).toBe(true);
      }),
      { numRuns: 250 },
    );
  });

  it("a later order never gets an earlier window", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 72 * 60 }),
        fc.constantFrom(...zones),
        settingsArbitrary,
        (first, minutes, timeZone, settings) => {
          const later = new Date(first.getTime() + minutes * 60_000);
          const a = estimateDelivery({ orderedAt: first, timeZone, settings });
          const b = estimateDelivery({ orderedAt: later, timeZone, settings });
          expect(b.shipBy >= a.shipBy && b.earliest >= a.earliest && b.latest >= a.latest).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("from a shipment: arrives on working days, on or after the ship date", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), settingsArbitrary, (shippedAt, timeZone, settings) => {
        const window = estimateDeliveryFromShipment({ shippedAt, timeZone, settings });
        expect(window.shipBy).toBe(DateTime.fromJSDate(shippedAt, { zone: timeZone }).toISODate());
        expect(window.earliest >= window.shipBy && window.latest >= window.earliest).toBe(true);
        expect(isWorkingDay(window.earliest, settings) && isWorkingDay(window.latest, settings)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
