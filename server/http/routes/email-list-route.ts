// GET /api/emails: the outbox, newest first, for the activity screen (what was sent, what failed and why).
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { EmailOutbox } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type { OutboxRepository } from "../../domain/emails/outbox-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

const querySchema = z.object({
  status: z
    .enum(["queued", "sending", "sent", "failed", "skipped"], {
      error: "status is one of queued, sending, sent, failed, skipped",
    })
    .optional(),
  cursor: z
    .string()
    .regex(/^\d{1,12}$/, "This cursor did not come from this list")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100, "limit is a whole number from 1 to 100").default(25),
});

function view(row: EmailOutbox) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    to: row.toAddress,
    language: row.language,
    promotional: row.promotional,
    subject: row.subject,
    orderId: row.shopifyOrderId?.toString() ?? null,
    attempts: row.attempts,
    lastResponse: row.lastResponse,
    lastError: row.lastError,
    messageId: row.messageId,
    sendAfter: row.sendAfter.toISOString(),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function emailListRoute(deps: { shopify: Shopify; shops: ShopRepository; outbox: OutboxRepository }) {
  const router = Router();
  router.get("/api/emails", requireSessionToken(deps.shopify, deps.shops), async (req, res) => {
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some list parameters need fixing", { fields: fieldErrors(parsed.error) });
    }
    const { status, cursor, limit } = parsed.data;
    const rows = await deps.outbox.list(sessionOf(res).shop.id, {
      status,
      afterId: cursor ? Number(cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? String(page.at(-1)?.id) : null;
    res.set("Cache-Control", "no-store").json({ emails: page.map(view), nextCursor });
  });
  return router;
}
