// Writes customers' balance and tier to their `afterglow` metafields so themes can show them, 25 metafields a call.
import type { CustomerMetafieldsService, MetafieldInput } from "../../shopify/customer-metafields-service.js";
import { metafieldsPerCall } from "../../shopify/customer-metafields-service.js";
import type { StorefrontPoints, StorefrontPointsQueries } from "./storefront-points-repository.js";

export const metafieldNamespace = "afterglow";

export interface StorefrontSyncDeps {
  storefront: Pick<StorefrontPointsQueries, "behind" | "markWritten">;
  metafields: Pick<CustomerMetafieldsService, "set">;
}

export interface StorefrontSyncRun {
  calls: number;
  written: number;
  /** Customers Shopify refused (for example deleted there): recorded so they do not block the others. */
  refused: number;
  /** More customers are behind than this run's budget of calls covered. */
  more: boolean;
}

/** A customer's metafields: the balance always, the tier once there is one (a blank value is refused). */
export function metafieldsFor(row: StorefrontPoints): MetafieldInput[] {
  const ownerId = `gid://shopify/Customer/${row.shopifyCustomerId}`;
  const balance = { ownerId, namespace: metafieldNamespace, key: "points_balance", type: "number_integer" };
  const inputs: MetafieldInput[] = [{ ...balance, value: String(row.balance) }];
  if (row.tier) {
    inputs.push({
      ownerId,
      namespace: metafieldNamespace,
      key: "tier",
      type: "single_line_text_field",
      value: row.tier,
    });
  }
  return inputs;
}

/** Packs whole customers into calls of at most 25 metafields, so one customer's pair is never split. */
export function packBatches(rows: StorefrontPoints[]): { rows: StorefrontPoints[]; inputs: MetafieldInput[] }[] {
  const batches: { rows: StorefrontPoints[]; inputs: MetafieldInput[] }[] = [];
  for (const row of rows) {
    const inputs = metafieldsFor(row);
    const last = batches.at(-1);
    if (last && last.inputs.length + inputs.length <= metafieldsPerCall) {
      last.rows.push(row);
      last.inputs.push(...inputs);
    } else batches.push({ rows: [row], inputs });
  }
  return batches;
}

export async function syncStorefrontPoints(
  deps: StorefrontSyncDeps,
  shop: { id: number; domain: string },
  maxCalls = 40,
): Promise<StorefrontSyncRun> {
  const run: StorefrontSyncRun = { calls: 0, written: 0, refused: 0, more: false };
  while (run.calls < maxCalls) {
    const behind = await deps.storefront.behind(shop.id, metafieldsPerCall * 8);
    if (behind.length === 0) return run;
    for (const batch of packBatches(behind)) {
      if (run.calls >= maxCalls) break;
      run.calls += 1;
      const errors = await deps.metafields.set(shop.domain, batch.inputs);
      if (errors.length === 0) {
        await deps.storefront.markWritten(shop.id, batch.rows);
        run.written += batch.rows.length;
        continue;
      }
      // The call wrote nothing (atomic): set aside the customers Shopify named, the rest go again next round.
      const owners = new Set(errors.map((error) => batch.inputs[error.elementIndex ?? -1]?.ownerId).filter(Boolean));
      const refused = batch.rows.filter((row) => owners.has(`gid://shopify/Customer/${row.shopifyCustomerId}`));
      if (refused.length === 0) throw new Error(`metafieldsSet refused the batch: ${errors[0]?.message ?? ""}`);
      await deps.storefront.markWritten(shop.id, refused);
      run.refused += refused.length;
    }
  }
  run.more = (await deps.storefront.behind(shop.id, 1)).length > 0;
  return run;
}
