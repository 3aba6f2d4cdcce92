// What the storefront (app proxy) and the order-status extension share: the points view and the redeem answer.
import type { Redemption, Shop } from "@prisma/client";
import type { Request, Response } from "express";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { redeemPoints, type RedeemDeps } from "../../domain/loyalty/redeem-points.js";
import { redemptionMessage, shopperLanguage, type ShopperLanguage } from "../../domain/loyalty/redemption-messages.js";
import type { RedemptionRepository } from "../../domain/loyalty/redemption-repository.js";

export interface PointsHandlerDeps extends RedeemDeps {
  redemptions: RedemptionRepository;
  pointsOf: (
    shopId: number,
    shopifyCustomerId: bigint,
  ) => Promise<{ id: number; balance: number; pending: number; tier: string | null; birthday: string | null } | null>;
  pointsChanged: (shopId: number) => void;
}

const redeemBodySchema = z.object({
  points: z.coerce.number().int("points must be a whole number").positive("points must be positive"),
  requestKey: z.string().trim().min(1).max(100).optional(),
});

export function languageOf(req: Request): ShopperLanguage {
  const asked = typeof req.query.locale === "string" ? req.query.locale : req.get("accept-language");
  return shopperLanguage(asked);
}

function redemptionView(redemption: Redemption) {
  return {
    id: redemption.id,
    code: redemption.code,
    points: redemption.points,
    value: redemption.value.toFixed(2),
    currencyCode: redemption.currencyCode,
    status: redemption.status,
    endsAt: redemption.endsAt.toISOString(),
  };
}

export function requireCustomer(shopifyCustomerId: bigint | null, language: ShopperLanguage): bigint {
  if (shopifyCustomerId === null) throw new AppError("unauthorized", redemptionMessage(language, "sign_in"));
  return shopifyCustomerId;
}

export async function pointsAnswer(deps: PointsHandlerDeps, shop: Shop, shopifyCustomerId: bigint) {
  const settings = await deps.redemptions.settingsFor(shop.id);
  const points = await deps.pointsOf(shop.id, shopifyCustomerId);
  const recent = points ? await deps.redemptions.recentForCustomer(shop.id, points.id) : [];
  return {
    balance: points?.balance ?? 0,
    pending: points?.pending ?? 0,
    tier: points?.tier ?? null,
    birthday: points?.birthday ?? null,
    redemption: {
      enabled: settings.enabled,
      pointsPerCurrencyUnit: settings.pointsPerCurrencyUnit,
      minimumPoints: settings.minimumPoints,
      currencyCode: shop.currencyCode ?? "USD",
    },
    redemptions: recent.map(redemptionView),
  };
}

/** 201 with the code, 202 while Shopify is retried, 409/422 for refusals, 503 when the points came back. */
export async function answerRedeem(
  deps: PointsHandlerDeps,
  req: Request,
  res: Response,
  who: { shop: Shop; shopifyCustomerId: bigint; source: "app_proxy" | "checkout" },
): Promise<void> {
  const language = languageOf(req);
  const body = redeemBodySchema.safeParse(req.body ?? {});
  if (!body.success) {
    throw new AppError("unprocessable", "The redemption needs fixing", {
      fields: Object.fromEntries(body.error.issues.map((issue) => [issue.path.join(".") || "body", issue.message])),
    });
  }
  const result = await redeemPoints(deps, {
    shop: who.shop,
    shopifyCustomerId: who.shopifyCustomerId,
    points: body.data.points,
    source: who.source,
    requestKey: body.data.requestKey ?? null,
  });
  res.set("Cache-Control", "no-store");
  if (result.kind === "issued" || result.kind === "pending") deps.pointsChanged(who.shop.id);
  if (result.kind === "insufficient") {
    throw new AppError("conflict", redemptionMessage(language, "insufficient_points"), {
      reason: "insufficient_points",
      balance: result.balance,
    });
  }
  if (result.kind === "invalid") {
    const values = { minimum: result.minimumPoints, step: result.step };
    if (result.reason === "disabled") {
      throw new AppError("conflict", redemptionMessage(language, "redemption_disabled"), { reason: "disabled" });
    }
    throw new AppError("unprocessable", redemptionMessage(language, result.reason, values), {
      fields: { points: redemptionMessage(language, result.reason, values) },
      reason: result.reason,
    });
  }
  if (result.kind === "returned") {
    throw new AppError("unavailable", redemptionMessage(language, "returned"), {
      reason: "code_not_created",
      balance: result.balance,
    });
  }
  res.status(result.kind === "issued" ? 201 : 202).json({
    redemption: redemptionView(result.redemption),
    balance: result.balance,
    message: redemptionMessage(language, result.kind),
  });
}
