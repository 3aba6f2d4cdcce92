// Formats timestamps the way Shopify's REST payloads do: ISO 8601 seconds in the shop's own UTC offset.

export function shopTime(date: Date, ianaTimezone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: ianaTimezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  // "GMT-05:00" or plain "GMT" for UTC itself.
  const offset = get("timeZoneName").replace("GMT", "") || "+00:00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset}`;
}

export function shopTimeOrNull(date: Date | null, ianaTimezone: string): string | null {
  return date ? shopTime(date, ianaTimezone) : null;
}
