// The admin's customers: search and page through them, read one with its ledger, adjust points with a reason.
import { randomUUID } from "node:crypto";
import express, { Router, type RequestHandler } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type {
  CustomerAdminRepository,
  CustomerSummaryRow,
  LedgerHistoryRow,
} from "../../domain/customers/customer-admin-repository.js";
import { decodeCustomerCursor, encodeCustomerCursor } from "../../domain/customers/customer-list-cursor.js";
import type { PointsAdjustmentRepository } from "../../domain/loyalty/points-adjustment-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import type { RememberStaffMember } from "../../domain/staff/remember-staff-member.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";
import { birthdayInput, saveBirthday, type SetBirthday } from "./birthday-handlers.js";

const listQuerySchema = z.object({
  query: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const adjustmentSchema = z.object({
  points: z
    .number({ error: "points must be a whole number" })
    .int("points must be a whole number")
    .refine((points) => points !== 0, "points cannot be zero")
    .refine((points) => Math.abs(points) <= 1_000_000, "points must be between -1,000,000 and 1,000,000"),
  reason: z
    .string({ error: "a reason is required" })
    .trim()
    .min(1, "a reason is required")
    .max(500, "the reason is longer than 500 characters"),
  allowNegative: z.boolean().optional().default(false),
});

const idempotencyKeySchema = z.string().trim().min(1).max(200);

function customerView(row: CustomerSummaryRow) {
  const name = [row.firstName, row.lastName].filter(Boolean).join(" ") || null;
  return {
    id: row.id,
    shopifyCustomerId: row.shopifyCustomerId,
    name,
    email: row.email,
    balance: row.balance,
    pending: row.pending,
    tier: row.tier,
  };
}

export function ledgerEntryView(row: LedgerHistoryRow) {
  return {
    id: row.id,
    points: row.points,
    cause: row.cause,
    status: row.status,
    reason: row.reason,
    actor: row.actor,
    actorName: row.actorName ?? null,
    createdAt: row.createdAt.toISOString(),
    orderName: row.orderName,
  };
}

function customerIdParam(value: unknown): number {
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse(value);
  if (!id.success) throw new AppError("not_found", "No such customer");
  return id.data;
}

export interface CustomerRoutesDeps {
  shopify: Shopify;
  shops: ShopRepository;
  customers: CustomerAdminRepository;
  adjustments: PointsAdjustmentRepository;
  pointsChanged: (shopId: number) => void;
  setBirthday: SetBirthday;
  rememberStaffMember: RememberStaffMember;
}

function listCustomers(deps: CustomerRoutesDeps): RequestHandler {
  return async (req, res) => {
    const parsed = listQuerySchema.safeParse(req.query);
    if (!parsed.success)
      throw new AppError("bad_request", "Bad list parameters", { fields: fieldErrors(parsed.error) });
    const afterId = parsed.data.cursor === undefined ? undefined : decodeCustomerCursor(parsed.data.cursor);
    if (parsed.data.cursor !== undefined && afterId === undefined) throw new AppError("bad_request", "Unknown cursor");
    const { shop } = sessionOf(res);
    const page = await deps.customers.search(shop.id, { query: parsed.data.query, afterId, limit: parsed.data.limit });
    const last = page.rows.at(-1);
    res.json({
      customers: page.rows.map(customerView),
      nextCursor: page.more && last ? encodeCustomerCursor(last.id) : null,
    });
  };
}

function showCustomer(deps: CustomerRoutesDeps): RequestHandler {
  return async (req, res) => {
    const { shop } = sessionOf(res);
    const id = customerIdParam(req.params.id);
    const row = await deps.customers.find(shop.id, id);
    if (!row) throw new AppError("not_found", "No such customer");
    const ledger = await deps.customers.ledger(shop.id, id);
    res.json({
      customer: { ...customerView(row), birthday: row.birthday },
      ledger: ledger.map(ledgerEntryView),
    });
  };
}

function adjustPoints(deps: CustomerRoutesDeps): RequestHandler {
  return async (req, res) => {
    const { shop, subject, token } = sessionOf(res);
    const id = customerIdParam(req.params.id);
    const parsed = adjustmentSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "The adjustment needs fixing", { fields: fieldErrors(parsed.error) });
    }
    if (!subject) throw new AppError("forbidden", "Adjustments need a staff member's session token");
    const key = idempotencyKeySchema.safeParse(req.get("idempotency-key"));
    const outcome = await deps.adjustments.adjust({
      shopId: shop.id,
      customerId: id,
      points: parsed.data.points,
      reason: parsed.data.reason,
      actor: subject,
      allowNegative: parsed.data.allowNegative,
      requestKey: key.success ? key.data : randomUUID(),
    });
    if (outcome.kind === "not_found") throw new AppError("not_found", "No such customer");
    if (outcome.kind === "negative_balance") {
      throw new AppError("conflict", "This would take the balance below zero; confirm with allowNegative", {
        reason: "negative_balance",
        balance: outcome.balance,
      });
    }
    if (outcome.kind === "applied") deps.pointsChanged(shop.id);
    // The ledger keeps the user id; the history shows the name Shopify gives for it.
    await deps.rememberStaffMember({ shopId: shop.id, shopDomain: shop.domain, userId: subject, sessionToken: token });
    // A replayed request gets the first answer again, marked so a client can tell.
    if (outcome.kind === "replayed") res.set("Idempotent-Replayed", "true");
    res.status(201).json({ entry: ledgerEntryView(outcome.entry), balance: outcome.balance });
  };
}

/** Staff set or clear a customer's birthday (the admin is in English here; its screens translate). */
function setCustomerBirthday(deps: CustomerRoutesDeps): RequestHandler {
  return async (req, res) => {
    const { shop } = sessionOf(res);
    const id = customerIdParam(req.params.id);
    const input = birthdayInput(req, "en");
    if (!(await deps.customers.find(shop.id, id))) throw new AppError("not_found", "No such customer");
    res.json(await saveBirthday(deps.setBirthday, id, input, "en"));
  };
}

export function customerRoutes(deps: CustomerRoutesDeps): Router {
  const router = Router();
  router.use("/api/customers", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/customers", listCustomers(deps));
  router.get("/api/customers/:id", showCustomer(deps));
  router.post("/api/customers/:id/adjustments", express.json({ limit: "16kb" }), adjustPoints(deps));
  router.put("/api/customers/:id/birthday", express.json({ limit: "4kb" }), setCustomerBirthday(deps));
  return router;
}
