// The shape every measure answers with, and the arithmetic they share (ratios that never divide by zero, cents).
import type { SeriesPoint } from "./measure-series.js";

/** A measure's number, or null with the reason a merchant reads instead ("not enough data"), plus its parts. */
export interface MeasureResult<Parts extends object = Record<string, never>> {
  value: number | string | null;
  /** Only set when value is null. */
  reason?: string;
  /** What the value is, e.g. "percent", "money", "orders per customer". */
  unit: string;
  parts: Parts;
  /** The measure month by month over the period, for measures with a trend line. */
  series?: SeriesPoint[];
}

export const notEnoughData = "not enough data";

/** numerator / denominator x 100 with one decimal, or null when the denominator is zero. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** A ratio with two decimals, or null when the denominator is zero. */
export function ratioOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 100) / denominator) / 100;
}

/** "12.34" (a numeric from PostgreSQL) to 1234 cents; amounts in a shop stay far below 2^53 cents. */
export function centsOf(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined || amount === "") return 0;
  return Math.round(Number(amount) * 100);
}

/** 1234 cents to "12.34" (money as decimal strings, as every Afterglow API answers). */
export function moneyOf(cents: number): string {
  const rounded = Math.round(cents);
  const sign = rounded < 0 ? "-" : "";
  const absolute = Math.abs(rounded);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

export function resultOf<Parts extends object>(value: number | string | null, unit: string, parts: Parts) {
  const result: MeasureResult<Parts> = { value, unit, parts };
  if (value === null) result.reason = notEnoughData;
  return result;
}
