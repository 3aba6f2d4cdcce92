// customers/redact: removes or blanks everything personal about a customer, keeping points, orders and the ledger
// (the shop's totals stay as they were, attached to an anonymous customer row).
import type { Queryable } from "../loyalty/ledger-repository.js";
import type { ComplianceSubject } from "./compliance-payloads.js";
import { matchCustomer } from "./customer-match.js";

export interface RedactionCounts {
  customers: number;
  addresses: number;
  emails: number;
  emailOrders: number;
  consents: number;
  surveyComments: number;
  ledgerReasons: number;
  webhookBodies: number;
  exports: number;
}

/** What a redacted webhook body becomes: the row stays (the activity log counts it), its contents do not. */
export const redactedBody = '{"redacted":true}';

/** Webhook bodies that name the customer: their id or one of their orders as a whole number, email or phone. */
function mentionsSql(numbers: string[], subject: ComplianceSubject) {
  const params: unknown[] = [];
  const tests: string[] = [];
  if (numbers.length > 0) {
    params.push(`(^|[^0-9])(${numbers.join("|")})([^0-9]|$)`);
    tests.push(`raw_body ~ $${params.length + 2}`);
  }
  for (const text of [subject.email, subject.phone]) {
    if (!text) continue;
    params.push(text.toLowerCase());
    tests.push(`strpos(lower(raw_body), $${params.length + 2}) > 0`);
  }
  return { tests, params };
}

async function scrubWebhookBodies(db: Queryable, shopDomain: string, subject: ComplianceSubject, orders: string[]) {
  // Only digits reach the pattern: Shopify's ids are numbers, parsed as such by zod.
  const numbers = [subject.shopifyCustomerId.toString(), ...orders].filter((id) => /^\d+$/.test(id));
  const { tests, params } = mentionsSql(numbers, subject);
  const scrubbed = await db.query(
    `UPDATE webhook_inbox SET raw_body = $2
     WHERE shop_domain = $1 AND raw_body <> $2 AND topic NOT IN ('shop/redact', 'app/uninstalled')
       AND (${tests.join(" OR ")})`,
    [shopDomain, redactedBody, ...params],
  );
  return scrubbed.rowCount ?? 0;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Staff write reasons on adjustments ("goodwill for Ann Lee"): the customer's names, email and phone in them become
 * "[redacted]". The ledger's trigger allows this one change, of the reason alone, for the customers named here.
 */
async function redactLedgerReasons(db: Queryable, ids: number[], subject: ComplianceSubject): Promise<number> {
  if (ids.length === 0) return 0;
  const known = await db.query<{ first_name: string | null; last_name: string | null; email: string | null }>(
    "SELECT first_name, last_name, email FROM customer WHERE id = ANY($1::int[])",
    [ids],
  );
  const words = new Set<string>();
  for (const row of known.rows)
    for (const word of [row.first_name, row.last_name, row.email]) if (word) words.add(word);
  for (const word of [subject.email, subject.phone]) if (word) words.add(word);
  // Longest first, so an email is replaced whole rather than the first name inside it.
  const names = [...words]
    .map((word) => word.trim())
    .filter((word) => word.length >= 2)
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return 0;
  await db.query("SELECT set_config('afterglow.redacting_customer_ids', $1, true)", [ids.join(",")]);
  const updated = await db.query(
    `UPDATE ledger_entry SET reason = regexp_replace(reason, $2, '[redacted]', 'gi')
     WHERE customer_id = ANY($1::int[]) AND reason ~* $2`,
    [ids, `(?<![[:alnum:]_])(${names.map(escapeRegex).join("|")})(?![[:alnum:]_])`],
  );
  return updated.rowCount ?? 0;
}

/** Runs inside one transaction: either all of it is redacted or none. */
export async function redactCustomer(
  db: Queryable,
  shop: { id: number; domain: string },
  subject: ComplianceSubject,
): Promise<RedactionCounts> {
  const { customerIds: ids, shopifyOrderIds: orders } = await matchCustomer(db, shop.id, subject);
  const email = subject.email;
  const sid = subject.shopifyCustomerId.toString();
  const count = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rowCount ?? 0;
  const ledgerReasons = await redactLedgerReasons(db, ids, subject);
  const customers = await count(
    `UPDATE customer SET email = NULL, first_name = NULL, last_name = NULL, locale = NULL, birthday = NULL,
            birthday_changed_at = NULL, referral_code = NULL, updated_at = now()
     WHERE id = ANY($1::int[])`,
    [ids],
  );
  const addresses = await count("DELETE FROM customer_address WHERE customer_id = ANY($1::int[])", [ids]);
  // Sent mail stays counted; what it said and where it went does not. Mail still waiting is never sent.
  const emails = await count(
    `UPDATE email_outbox SET to_address = 'redacted', data = '{}', subject = NULL, html = NULL, text = NULL,
            last_response = NULL, last_error = NULL, message_id = NULL,
            status = CASE WHEN status IN ('queued', 'sending') THEN 'skipped'::"EmailStatus" ELSE status END,
            updated_at = now()
     WHERE shop_id = $1 AND (customer_id = ANY($2::int[]) OR lower(to_address) = $3
                             OR shopify_order_id = ANY($4::bigint[]))`,
    [shop.id, ids, email, orders],
  );
  const emailOrders = await count(
    `DELETE FROM email_order WHERE shop_id = $1
       AND (customer_id = ANY($2::int[]) OR lower(email) = $3 OR shopify_order_id = ANY($4::bigint[]))`,
    [shop.id, ids, email, orders],
  );
  const consents = await count(
    "DELETE FROM email_consent WHERE shop_id = $1 AND (lower(email) = $2 OR shopify_customer_id = $3::bigint)",
    [shop.id, email, sid],
  );
  const surveyComments = await count(
    `UPDATE nps_response SET comment = NULL
     WHERE shop_id = $1 AND shopify_order_id = ANY($2::bigint[]) AND comment IS NOT NULL`,
    [shop.id, orders],
  );
  const webhookBodies = await scrubWebhookBodies(db, shop.domain, subject, orders);
  const exports = await count(
    `UPDATE compliance_request SET export = NULL
     WHERE shop_domain = $1 AND shopify_customer_id = $2::bigint AND export IS NOT NULL`,
    [shop.domain, sid],
  );
  return { customers, addresses, emails, emailOrders, consents, surveyComments, ledgerReasons, webhookBodies, exports };
}

export function describeRedaction(counts: RedactionCounts): string {
  return (
    `anonymised ${counts.customers} customer row(s) (points and orders kept); removed ${counts.addresses} address ` +
    `fingerprint(s), ${counts.consents} consent record(s) and ${counts.emailOrders} order email record(s); blanked ` +
    `${counts.emails} email(s), ${counts.surveyComments} survey comment(s), ${counts.ledgerReasons} ledger reason(s), ` +
    `${counts.webhookBodies} webhook body(ies) ` +
    `and ${counts.exports} data export(s)`
  );
}
