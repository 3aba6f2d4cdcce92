// GET /api/import (the history import's progress for the admin's bar) and POST /api/import (start again after a failure).
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { HistoryImportRepository } from "../../domain/history-import/history-import-repository.js";
import { importProgress } from "../../domain/history-import/import-history.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { enqueueHistoryImports, type HistoryImportQueue } from "../../jobs/history-import-queue.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export interface HistoryImportRouteDeps {
  shopify: Shopify;
  shops: ShopRepository;
  imports: HistoryImportRepository;
  queue: HistoryImportQueue;
}

/** Creates the shop's import row and queues its job; called after install (and by POST /api/import). */
export async function startHistoryImport(deps: Pick<HistoryImportRouteDeps, "imports" | "queue">, shopId: number) {
  await deps.imports.begin(shopId);
  await enqueueHistoryImports(deps.queue, [shopId]);
}

export function historyImportRoutes(deps: HistoryImportRouteDeps) {
  const router = Router();
  router.use("/api/import", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/import", async (_req, res) => {
    res.json(importProgress(await deps.imports.find(sessionOf(res).shop.id)));
  });
  // A failed import starts over from a new export; a running or finished one is left as it is (202 either way).
  router.post("/api/import", async (_req, res) => {
    const shopId = sessionOf(res).shop.id;
    const row = await deps.imports.begin(shopId);
    if (row.status === "failed") await deps.imports.update(shopId, { status: "waiting", restart: true });
    await startHistoryImport(deps, shopId);
    res.status(202).json(importProgress(await deps.imports.find(shopId)));
  });
  return router;
}
