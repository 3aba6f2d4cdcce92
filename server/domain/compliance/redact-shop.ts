// shop/redact: Shopify sends it 48 hours after the app was uninstalled; every row of the shop goes, except the
// record that says so.
import type { Queryable } from "../loyalty/ledger-repository.js";

export interface ShopRedaction {
  customers: number;
  orders: number;
  ledgerEntries: number;
  webhooks: number;
  sessions: number;
  complianceRecords: number;
}

/**
 * Runs inside one transaction. The shop row's foreign keys cascade to everything keyed by shop_id (customers,
 * orders, the ledger, emails, settings...); the ledger's append-only trigger allows that one cascade (see the
 * migration). Rows keyed by the domain go explicitly; the webhook being handled stays, for the activity record.
 */
export async function redactShop(db: Queryable, shop: { id: number; domain: string }, keepWebhookId: string) {
  const counted = await db.query<{ customers: number; orders: number; entries: number }>(
    `SELECT (SELECT count(*) FROM customer WHERE shop_id = $1)::int AS customers,
            (SELECT count(*) FROM "order" WHERE shop_id = $1)::int AS orders,
            (SELECT count(*) FROM ledger_entry WHERE shop_id = $1)::int AS entries`,
    [shop.id],
  );
  await db.query("SELECT set_config('afterglow.redacting_shop_id', $1, true)", [String(shop.id)]);
  await db.query("DELETE FROM shop WHERE id = $1", [shop.id]);
  const webhooks = await db.query("DELETE FROM webhook_inbox WHERE shop_domain = $1 AND webhook_id <> $2", [
    shop.domain,
    keepWebhookId,
  ]);
  const sessions = await db.query("DELETE FROM session WHERE shop = $1", [shop.domain]);
  const records = await db.query("DELETE FROM compliance_request WHERE shop_domain = $1", [shop.domain]);
  const row = counted.rows[0];
  return {
    customers: row?.customers ?? 0,
    orders: row?.orders ?? 0,
    ledgerEntries: row?.entries ?? 0,
    webhooks: webhooks.rowCount ?? 0,
    sessions: sessions.rowCount ?? 0,
    complianceRecords: records.rowCount ?? 0,
  } satisfies ShopRedaction;
}

export function describeShopRedaction(counts: ShopRedaction): string {
  return (
    `removed the shop's data: ${counts.customers} customers, ${counts.orders} orders, ${counts.ledgerEntries} ` +
    `ledger entries and everything else keyed by the shop, ${counts.webhooks} stored webhooks, ${counts.sessions} ` +
    `sessions and ${counts.complianceRecords} earlier compliance records`
  );
}
