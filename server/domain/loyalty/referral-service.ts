// Referrals: per-customer codes, and the award to the referrer when a friend's first paid order names one.
import { createHash } from "node:crypto";
import { generateCouponCode } from "../coupons/generate-coupon-code.js";
import type { OrderPayload } from "../orders/order-payload.js";
import type { LedgerRepository, Queryable } from "./ledger-repository.js";

/** The cart attribute a storefront referral link sets (`/cart?attributes[afterglow_referral]=CODE`). */
export const referralAttribute = "afterglow_referral";

export function referralCodeOf(order: OrderPayload): string | null {
  const attribute = order.note_attributes?.find((entry) => entry.name.toLowerCase() === referralAttribute);
  const code = typeof attribute?.value === "string" ? attribute.value.trim().toUpperCase() : "";
  return code === "" ? null : code;
}

/** A shipping address reduced to what identifies a place, hashed: stored without the address itself. */
export function addressFingerprint(address: OrderPayload["shipping_address"]): string | null {
  if (!address?.address1) return null;
  const parts = [address.address1, address.address2, address.city, address.zip, address.country_code];
  const normalised = parts
    .map((part) =>
      (part ?? "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim(),
    )
    .join("|");
  return createHash("sha256").update(normalised).digest("hex");
}

export async function recordAddress(db: Queryable, shopId: number, customerId: number, fingerprint: string | null) {
  if (!fingerprint) return;
  await db.query(
    `INSERT INTO customer_address (shop_id, customer_id, fingerprint) VALUES ($1, $2, $3)
     ON CONFLICT (customer_id, fingerprint) DO NOTHING`,
    [shopId, customerId, fingerprint],
  );
}

/** The customer's referral code, created on first use (8 characters without look-alikes). */
export async function ensureReferralCode(db: Queryable, customerId: number): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await db.query<{ referral_code: string | null }>(
      "SELECT referral_code FROM customer WHERE id = $1",
      [customerId],
    );
    const current = existing.rows[0]?.referral_code;
    if (current) return current;
    const code = generateCouponCode("").slice(0, 8);
    const saved = await db.query(
      `UPDATE customer SET referral_code = $2 WHERE id = $1 AND referral_code IS NULL
       AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.shop_id = customer.shop_id AND c.referral_code = $2)`,
      [customerId, code],
    );
    if ((saved.rowCount ?? 0) > 0) return code;
  }
  throw new Error(`could not create a referral code for customer ${customerId}`);
}

export interface ReferralInput {
  shopId: number;
  friend: { id: number; email: string | null };
  code: string;
  addressFingerprint: string | null;
  shopifyOrderId: bigint;
  orderName: string;
  availableAt: Date;
  points: number;
}

async function refusalReason(db: Queryable, input: ReferralInput, referrer: { id: number; email: string | null }) {
  const sameEmail = (a: string | null, b: string | null) =>
    !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  if (referrer.id === input.friend.id) return "self-referral: same customer";
  if (sameEmail(referrer.email, input.friend.email)) return "self-referral: same email";
  if (input.addressFingerprint) {
    const shared = await db.query("SELECT 1 FROM customer_address WHERE customer_id = $1 AND fingerprint = $2", [
      referrer.id,
      input.addressFingerprint,
    ]);
    if ((shared.rowCount ?? 0) > 0) return "self-referral: same shipping address";
  }
  return null;
}

/**
 * Decides a friend's referral once (a referral row per friend): refused with the reason, or awarded as points
 * pending with the friend's order, so a cancelled or fully refunded first order voids them too.
 */
export async function applyReferral(db: Queryable, ledger: LedgerRepository, input: ReferralInput): Promise<string> {
  const found = await db.query<{ id: number; email: string | null }>(
    "SELECT id, email FROM customer WHERE shop_id = $1 AND referral_code = $2",
    [input.shopId, input.code],
  );
  const referrer = found.rows[0];
  if (!referrer) return `referral code ${input.code} is unknown`;
  const reason = await refusalReason(db, input, referrer);
  const recorded = await db.query(
    `INSERT INTO referral (shop_id, referrer_id, referred_id, shopify_order_id, status, reason)
     VALUES ($1, $2, $3, $4, $5::"ReferralStatus", $6) ON CONFLICT (shop_id, referred_id) DO NOTHING`,
    [
      input.shopId,
      referrer.id,
      input.friend.id,
      input.shopifyOrderId.toString(),
      reason ? "refused" : "awarded",
      reason,
    ],
  );
  if ((recorded.rowCount ?? 0) === 0) return "referral already decided";
  if (reason) return `referral refused (${reason})`;
  if (input.points <= 0) return "referral recorded; referral points are off";
  await ledger.append(
    {
      shopId: input.shopId,
      customerId: referrer.id,
      points: input.points,
      cause: "referral",
      status: "pending",
      availableAt: input.availableAt,
      idempotencyKey: `referral:${input.friend.id}`,
      shopifyOrderId: input.shopifyOrderId,
      reason: `Referred a friend: first order ${input.orderName}`,
    },
    db,
  );
  return `referrer earns ${input.points} points pending`;
}
