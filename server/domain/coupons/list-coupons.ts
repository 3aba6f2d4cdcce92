// The admin's coupon list: one page of coupons as the merchant reads them, an opaque cursor, and the shop's totals.
import { z } from "zod";
import type { Shop } from "@prisma/client";
import type { CouponListRepository, CouponListRow, CouponListStatus } from "./coupon-list-repository.js";

export interface ListCouponsQuery {
  status?: CouponListStatus;
  cursor?: string;
  limit: number;
}

const cursorSchema = z.object({ before: z.number().int().positive() });

export function encodeCouponCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ before: lastId })).toString("base64url");
}

/** Undefined for a cursor this list did not write (tampered with, or another list's). */
export function decodeCouponCursor(cursor: string): number | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.before : undefined;
  } catch {
    return undefined;
  }
}

function couponListView(row: CouponListRow) {
  const name = [row.firstName, row.lastName].filter(Boolean).join(" ") || null;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    orderId: row.orderId,
    orderName: row.orderName,
    customer: row.customerId === null ? null : { id: row.customerId, name, email: row.email },
    kind: row.kind,
    value: row.value,
    currencyCode: row.currencyCode,
    minimumSubtotal: row.minimumSubtotal,
    endsAt: row.endsAt.toISOString(),
    redeemedAt: row.redeemedAt?.toISOString() ?? null,
    redeemedOrderName: row.redeemedOrderName,
    revenue: row.revenue,
    lastError: row.lastError,
  };
}

export type CouponListView = ReturnType<typeof couponListView>;

export type ListCouponsResult =
  | { kind: "bad_cursor" }
  | {
      kind: "page";
      body: {
        coupons: CouponListView[];
        nextCursor: string | null;
        summary: {
          issued: number;
          redeemed: number;
          expired: number;
          failed: number;
          revenue: string;
          currencyCode: string;
        };
      };
    };

export async function listCoupons(
  repository: CouponListRepository,
  shop: Shop,
  query: ListCouponsQuery,
  now = new Date(),
): Promise<ListCouponsResult> {
  const beforeId = query.cursor === undefined ? undefined : decodeCouponCursor(query.cursor);
  if (query.cursor !== undefined && beforeId === undefined) return { kind: "bad_cursor" };
  const [page, summary] = await Promise.all([
    repository.page(shop.id, { status: query.status, beforeId, limit: query.limit, now }),
    repository.summary(shop.id, now),
  ]);
  const last = page.rows.at(-1);
  const currencyCode = shop.currencyCode ?? page.rows[0]?.currencyCode ?? "USD";
  return {
    kind: "page",
    body: {
      coupons: page.rows.map(couponListView),
      nextCursor: page.more && last ? encodeCouponCursor(last.id) : null,
      summary: { ...summary, currencyCode },
    },
  };
}
