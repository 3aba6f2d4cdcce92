// Serves bulk operation results (GET /bulk-operations/:id.jsonl) and sets a shop's generated history size.
import express, { Router } from "express";
import { z } from "zod";
import type { ShopifySimulator } from "./shopify-simulator.js";
import { bulkOperationsOf } from "./state/bulk-operations.js";
import type { SimStore } from "./state/sim-store.js";

export function bulkOperationRoutes(store: SimStore): Router {
  const router = Router();
  router.get("/bulk-operations/:file", (req, res) => {
    const id = /^(\d+)\.jsonl$/.exec(req.params.file)?.[1];
    const op = id ? bulkOperationsOf(store).byId.get(Number(id)) : undefined;
    if (!op?.filePath) {
      res.status(404).send("Not found");
      return;
    }
    res.type("application/jsonl").sendFile(op.filePath);
  });
  const historySchema = z.object({
    orders: z.number().int().min(0).max(5_000_000),
    customers: z.number().int().min(1).optional(),
  });
  // POST /_simulator/shops/:shop/history { orders, customers? }: what the shop sold before the app was installed.
  router.post("/_simulator/shops/:shop/history", express.json(), (req, res) => {
    const size = historySchema.parse(req.body);
    bulkOperationsOf(store).history.set(String(req.params.shop), size);
    res.json({ ok: true, ...size });
  });
  return router;
}

/**
 * A shop's past orders, returned by bulk queries on `orders` (and their customers on `customers`), dated over the
 * three years before the install. Tests and the bench call this; `npm run simulator` takes SIMULATOR_HISTORY_ORDERS.
 */
export function setGeneratedHistory(sim: ShopifySimulator, shop: string, size: { orders: number; customers?: number }) {
  bulkOperationsOf(sim.store).history.set(shop, size);
}
