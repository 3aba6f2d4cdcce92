// GET /api/analytics/summary and /api/analytics/:measure (JSON or ?format=csv): the dashboard's numbers.
import { Router, type Request } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import {
  analyticsQuerySchema,
  analyticsSummary,
  measureNameSchema,
  measureReport,
  type AnalyticsDeps,
} from "../../domain/analytics/analytics-report.js";
import { measureCsv } from "../../domain/analytics/measure-csv.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

function queryOf(req: Request) {
  const parsed = analyticsQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    throw new AppError("unprocessable", "The period needs fixing", { fields: fieldErrors(parsed.error) });
  }
  return parsed.data;
}

export function analyticsRoutes(deps: AnalyticsDeps & { shopify: Shopify; shops: ShopRepository }) {
  const router = Router();
  router.use("/api/analytics", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/analytics/summary", async (req, res) => {
    res.json(await analyticsSummary(deps, sessionOf(res).shop, queryOf(req), new Date()));
  });
  router.get("/api/analytics/:measure", async (req, res) => {
    const measure = measureNameSchema.safeParse(req.params.measure);
    if (!measure.success) throw new AppError("not_found", `No measure called ${req.params.measure}`);
    const query = queryOf(req);
    const report = await measureReport(deps, sessionOf(res).shop, measure.data, query, new Date());
    if (query.format === "json") {
      res.json(report);
      return;
    }
    res
      .type("text/csv; charset=utf-8")
      .attachment(`${report.measure}_${report.from}_${report.to}.csv`)
      .send(measureCsv(report));
  });
  return router;
}
