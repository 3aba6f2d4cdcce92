// GET /api/activity and POST /api/activity/webhooks/:id/retry: recent webhooks, failures and the queue, and a manual retry.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { Shop } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import type { ActivityRepository } from "../../domain/activity/activity-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requeueInboxRow } from "../../jobs/requeue-inbox-row.js";
import type { WebhookQueue } from "../../jobs/webhook-queue.js";
import { localiseError, localiseOutcome } from "../localise-activity-note.js";
import { requestLanguage, type ServerMessageLanguage } from "../localise-error-body.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

const activityQuery = z.object({
  status: z.enum(["received", "processing", "completed", "skipped", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const inboxId = z.string().regex(/^\d{1,18}$/, "not an inbox row id");

export interface ActivityRoutesDeps {
  shopify: Shopify;
  shops: ShopRepository;
  activity: ActivityRepository;
  queue: WebhookQueue;
}

interface Notes {
  language: ServerMessageLanguage;
  timeZone: string | undefined;
}

/** The worker's English outcome and error, in the admin's language. */
function localiseRow<T extends { outcome: string | null; lastError: string | null }>(row: T, notes: Notes): T {
  return {
    ...row,
    outcome: row.outcome === null ? null : localiseOutcome(row.outcome, notes.language, notes.timeZone),
    lastError: row.lastError === null ? null : localiseError(row.lastError, notes.language, notes.timeZone),
  };
}

async function readActivity(
  deps: ActivityRoutesDeps,
  shop: Shop,
  query: z.infer<typeof activityQuery>,
  language: ServerMessageLanguage,
) {
  const notes: Notes = { language, timeZone: shop.ianaTimezone ?? undefined };
  const error = (text: string | null) => (text === null ? null : localiseError(text, language, notes.timeZone));
  const [webhooks, failedWebhooks, failedCoupons, counts] = await Promise.all([
    deps.activity.recentWebhooks(shop.domain, query.status, query.limit),
    deps.activity.recentWebhooks(shop.domain, "failed", 20),
    deps.activity.failedCoupons(shop.id, 20),
    // The queue is the app's, shared by every shop: its depth says how far behind processing is.
    deps.queue.getJobCounts("waiting", "active", "delayed", "failed"),
  ]);
  return {
    webhooks: webhooks.map((row) => localiseRow(row, notes)),
    failures: [
      ...failedWebhooks.map((row) => ({
        kind: "webhook",
        id: row.id,
        topic: row.topic,
        error: error(row.lastError),
        at: row.receivedAt,
      })),
      ...failedCoupons.map((row) => ({ kind: "coupon", ...row, error: error(row.error) })),
    ],
    queue: {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    },
  };
}

export function activityRoutes(deps: ActivityRoutesDeps): Router {
  const router = Router();
  router.use("/api/activity", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/activity", async (req, res) => {
    const query = activityQuery.safeParse(req.query);
    if (!query.success) throw new AppError("bad_request", "status or limit is not one we know");
    const language = requestLanguage(req.get("accept-language"));
    res.json(await readActivity(deps, sessionOf(res).shop, query.data, language));
  });
  router.post("/api/activity/webhooks/:id/retry", async (req, res) => {
    const id = inboxId.safeParse(req.params.id);
    if (!id.success) throw new AppError("not_found", "No such webhook");
    const { shop } = sessionOf(res);
    const row = await deps.activity.reopenFailedWebhook(shop.domain, BigInt(id.data));
    if (!row) {
      // Another shop's row is as unknown as a missing one.
      if (await deps.activity.webhookExists(shop.domain, BigInt(id.data)))
        throw new AppError("conflict", "Only a failed webhook can be retried");
      throw new AppError("not_found", "No such webhook");
    }
    await requeueInboxRow(deps.queue, row);
    res.status(202).json({ webhook: { id: row.id, status: "received" } });
  });
  return router;
}
