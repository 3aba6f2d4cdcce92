// A measure report as CSV (RFC 4180): one row per segment or month when the measure has them, else one row; a
// measure with a trend line adds a month column: the whole period first (month "total"), then each month.
import type { MeasureReport } from "./analytics-report.js";

type Cell = string | number | boolean | null | undefined;

/**
 * Quotes a cell when it holds a comma, quote or line break (quotes doubled). Text that a spreadsheet would run
 * as a formula (=, +, -, @ first, and not a number) gets a leading apostrophe.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const isScalar = (value: unknown): value is Cell =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** The measure's own list (RFM segments, NPS months) if it has one. */
function listIn(parts: object): Record<string, unknown>[] | undefined {
  const list = Object.values(parts).find((value) => Array.isArray(value));
  return list as Record<string, unknown>[] | undefined;
}

export function measureCsv(report: MeasureReport): string {
  const list = listIn(report.parts);
  if (list && list.length > 0) {
    const keys = Object.keys(list[0] ?? {});
    return csvOf([
      ["measure", "from", "to", ...keys],
      ...list.map((item) => [report.measure, report.from, report.to, ...keys.map((key) => cellOf(item[key]))]),
    ]);
  }
  const scalars = Object.entries(report.parts).filter(([, value]) => isScalar(value));
  if (report.series && report.series.length > 0) return seriesCsv(report, scalars);
  return csvOf([
    ["measure", "from", "to", "value", "unit", "reason", ...scalars.map(([key]) => key), "definition"],
    [
      report.measure,
      report.from,
      report.to,
      report.value,
      report.unit,
      report.reason,
      ...scalars.map(([, value]) => cellOf(value)),
      report.definition,
    ],
  ]);
}

function cellOf(value: unknown): Cell {
  if (value === undefined) return undefined;
  return isScalar(value) ? value : JSON.stringify(value);
}

function seriesCsv(report: MeasureReport, scalars: [string, unknown][]): string {
  const series = report.series ?? [];
  const keys = [...new Set([...scalars.map(([key]) => key), ...series.flatMap((point) => scalarKeys(point.parts))])];
  const total = Object.fromEntries(scalars);
  return csvOf([
    ["measure", "from", "to", "month", "value", "unit", "reason", ...keys, "definition"],
    [
      report.measure,
      report.from,
      report.to,
      "total",
      report.value,
      report.unit,
      report.reason,
      ...keys.map((key) => cellOf(total[key])),
      report.definition,
    ],
    ...series.map((point) => {
      const parts = point.parts as Record<string, unknown>;
      return [
        report.measure,
        point.from,
        point.to,
        point.month,
        point.value,
        report.unit,
        point.reason,
        ...keys.map((key) => cellOf(parts[key])),
        report.definition,
      ];
    }),
  ]);
}

function scalarKeys(parts: object): string[] {
  return Object.entries(parts)
    .filter(([, value]) => isScalar(value))
    .map(([key]) => key);
}
