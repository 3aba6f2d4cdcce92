// GET /api/compliance/requests and /api/compliance/requests/:id: what compliance webhooks did, and a data request's
// export as a JSON file the owner hands to the customer.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import type { ComplianceRequestRepository } from "../../domain/compliance/compliance-request-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

const requestId = z.coerce.number().int().positive().max(2_147_483_647);

export interface ComplianceRoutesDeps {
  shopify: Shopify;
  shops: ShopRepository;
  records: ComplianceRequestRepository;
}

export function complianceRoutes(deps: ComplianceRoutesDeps): Router {
  const router = Router();
  router.use("/api/compliance", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/compliance/requests", async (_req, res) => {
    res.json({ requests: await deps.records.list(sessionOf(res).shop.domain) });
  });
  router.get("/api/compliance/requests/:id", async (req, res) => {
    const id = requestId.safeParse(req.params.id);
    if (!id.success) throw new AppError("not_found", "No such compliance request");
    const found = await deps.records.exportOf(sessionOf(res).shop.domain, id.data);
    if (!found.found) throw new AppError("not_found", "No such compliance request");
    if (found.export === null) {
      throw new AppError(
        "not_found",
        "This request has no data export (not a data request, or the customer was redacted since)",
      );
    }
    res.setHeader("content-disposition", `attachment; filename="customer-data-request-${id.data}.json"`);
    res.json(found.export);
  });
  return router;
}
