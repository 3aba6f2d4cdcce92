// What GET /api/customers, GET /api/customers/:id and POST /api/customers/:id/adjustments answer (customers part).

export interface CustomerSummary {
  id: number;
  name: string | null;
  email: string | null;
  balance: number;
  pending: number;
  tier: string | null;
}

export interface CustomerListAnswer {
  customers: CustomerSummary[];
  nextCursor: string | null;
}

export type LedgerCause =
  | "order"
  | "refund"
  | "adjustment"
  | "redemption"
  | "expiry"
  | "tier_change"
  | "signup"
  | "birthday"
  | "referral"
  | "milestone";

export interface LedgerEntry {
  id: string;
  points: number;
  cause: LedgerCause;
  status: "pending" | "available" | "void";
  reason: string | null;
  /** The staff member's id (the session token's subject) for adjustments; null for the app's own entries. */
  actor: string | null;
  /** The staff member's name, once Shopify has told the server (else the id is shown). */
  actorName: string | null;
  createdAt: string;
  orderName: string | null;
}

export interface CustomerAnswer {
  customer: CustomerSummary & { birthday: string | null };
  ledger: LedgerEntry[];
}
