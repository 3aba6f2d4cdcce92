// A measure report as CSV (RFC 4180): one row per segment or month when the measure has them, else one row.
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
  return isScalar(value) ? value : JSON.stringify(value);
}
