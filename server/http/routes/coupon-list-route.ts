// GET /api/coupons: the admin's thank-you coupons with their status and revenue, a page at a time, plus totals.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { couponListStatuses, type CouponListRepository } from "../../domain/coupons/coupon-list-repository.js";
import { listCoupons } from "../../domain/coupons/list-coupons.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

const listQuerySchema = z.object({
  status: z.enum(couponListStatuses, { error: `status is one of ${couponListStatuses.join(", ")}` }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "limit is a whole number from 1 to 100" })
    .int("limit is a whole number from 1 to 100")
    .min(1, "limit is a whole number from 1 to 100")
    .max(100, "limit is a whole number from 1 to 100")
    .default(25),
});

export interface CouponListRouteDeps {
  shopify: Shopify;
  shops: ShopRepository;
  couponList: CouponListRepository;
}

export function couponListRoute(deps: CouponListRouteDeps): Router {
  const router = Router();
  router.get("/api/coupons", requireSessionToken(deps.shopify, deps.shops), async (req, res) => {
    const parsed = listQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some list parameters need fixing", { fields: fieldErrors(parsed.error) });
    }
    const result = await listCoupons(deps.couponList, sessionOf(res).shop, parsed.data);
    if (result.kind === "bad_cursor") {
      throw new AppError("unprocessable", "Some list parameters need fixing", {
        fields: { cursor: "This cursor did not come from this list" },
      });
    }
    res.set("Cache-Control", "no-store").json(result.body);
  });
  return router;
}
