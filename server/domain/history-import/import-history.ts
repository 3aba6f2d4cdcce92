// The install-time history import: start the export, wait for Shopify, stream its JSONL and upsert in batches.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { Logger } from "pino";
import type { BulkOperationService, BulkOperationState } from "../../shopify/bulk-operation-service.js";
import type { HistoryImportRepository, HistoryImportRow } from "./history-import-repository.js";
import {
  parseHistoryLine,
  type HistoryCustomerRow,
  type HistoryOrderRow,
  type HistoryRefundRow,
} from "./history-order-line.js";

export interface ImportHistoryDeps {
  imports: HistoryImportRepository;
  bulk: BulkOperationService;
  logger: Logger;
  pollMs: number;
  batchSize: number;
}

export interface ImportTarget {
  shopId: number;
  domain: string;
  installedAt: Date;
}

const finished = new Set(["COMPLETED", "FAILED", "CANCELED", "EXPIRED"]);

async function waitForExport(deps: ImportHistoryDeps, target: ImportTarget, id: string): Promise<BulkOperationState> {
  for (;;) {
    const state = await deps.bulk.bulkOperation(target.domain, id);
    if (!state) throw new Error(`bulk operation ${id} not found`);
    if (finished.has(state.status)) return state;
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs));
  }
}

/** Streams the file line by line, skipping the lines a previous run committed; returns the lines this run wrote. */
async function importLines(deps: ImportHistoryDeps, target: ImportTarget, url: string, skip: number): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`bulk result download failed: HTTP ${response.status}`);
  const lines = createInterface({ input: Readable.fromWeb(response.body), crlfDelay: Infinity });
  let lineNumber = 0;
  let written = 0;
  let customers = new Map<string, HistoryCustomerRow>();
  let orders = new Map<string, HistoryOrderRow>();
  let refunds = new Map<string, HistoryRefundRow>();
  const flush = async () => {
    if (orders.size === 0) return;
    const batch = { customers: [...customers.values()], orders: [...orders.values()], refunds: [...refunds.values()] };
    await deps.imports.writeBatch(target.shopId, batch, lineNumber);
    written += orders.size;
    customers = new Map();
    orders = new Map();
    refunds = new Map();
  };
  for await (const line of lines) {
    if (line.trim() === "") continue;
    lineNumber += 1;
    if (lineNumber <= skip) continue;
    const parsed = parseHistoryLine(line);
    if (parsed.customer) customers.set(parsed.customer.shopifyCustomerId, parsed.customer);
    orders.set(parsed.order.shopifyOrderId, parsed.order);
    for (const refund of parsed.refunds) refunds.set(refund.shopifyRefundId, refund);
    if (orders.size >= deps.batchSize) await flush();
  }
  await flush();
  return written;
}

/**
 * Runs or resumes the shop's import to its end; safe to run twice or after a crash at any point: the export is
 * started once (its id is stored), lines already committed are skipped, and every upsert is idempotent.
 */
export async function importHistory(deps: ImportHistoryDeps, target: ImportTarget): Promise<HistoryImportRow> {
  let row = await deps.imports.begin(target.shopId);
  if (row.status === "completed" || row.status === "failed") return row;
  let operationId = row.bulkOperationId;
  if (!operationId) {
    operationId = await deps.bulk.startHistoryExport(target.domain, target.installedAt);
    await deps.imports.update(target.shopId, { bulkOperationId: operationId, status: "waiting" });
  }
  const state = await waitForExport(deps, target, operationId);
  if (state.status !== "COMPLETED") {
    await deps.imports.update(target.shopId, {
      status: "failed",
      lastError: `Shopify's export ended ${state.status.toLowerCase()} (${state.errorCode ?? "no error code"})`,
      finished: true,
    });
    return (await deps.imports.find(target.shopId)) ?? row;
  }
  await deps.imports.update(target.shopId, { status: "importing", objectCount: state.objectCount });
  const written = state.url ? await importLines(deps, target, state.url, row.linesDone) : 0;
  // Batches deferred the customer facts the measures read; a crash before this line repeats it on resume.
  await deps.imports.refreshOrderFacts(target.shopId);
  await deps.imports.update(target.shopId, { status: "completed", finished: true });
  row = (await deps.imports.find(target.shopId)) ?? row;
  deps.logger.info({ shop: target.domain, written, lines: row.linesDone }, "history import completed");
  return row;
}

/** What GET /api/import answers: the row plus a 0..1 progress for the bar (null while Shopify builds the file). */
export function importProgress(row: HistoryImportRow | null) {
  if (!row) return { import: null };
  const progress =
    row.status === "completed"
      ? 1
      : row.objectCount === null
        ? null
        : row.objectCount === 0
          ? 1
          : Math.min(1, row.linesDone / row.objectCount);
  return {
    import: {
      status: row.status,
      progress,
      linesDone: row.linesDone,
      objectCount: row.objectCount,
      customersImported: row.customersDone,
      ordersImported: row.ordersDone,
      lastError: row.lastError,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    },
  };
}
