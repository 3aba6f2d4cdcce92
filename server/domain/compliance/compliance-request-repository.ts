// The record of compliance requests: what each did, a data request's export, and the transaction they run in.
import type pg from "pg";
import type { PgPool } from "../../db/create-pg-pool.js";
import type { Queryable } from "../loyalty/ledger-repository.js";

export interface NewComplianceRecord {
  shopDomain: string;
  topic: string;
  webhookId: string;
  shopifyCustomerId: bigint | null;
  dataRequestId: bigint | null;
  summary: string;
  export: unknown;
}

export interface ComplianceRecordRow {
  id: number;
  topic: string;
  shopifyCustomerId: string | null;
  dataRequestId: string | null;
  summary: string;
  hasExport: boolean;
  createdAt: string;
}

const listSql = `
SELECT id, topic, shopify_customer_id::text AS "shopifyCustomerId", data_request_id::text AS "dataRequestId",
       summary, export IS NOT NULL AS "hasExport", to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
FROM compliance_request WHERE shop_domain = $1 ORDER BY id DESC LIMIT $2`;

export function createComplianceRequestRepository(pool: PgPool) {
  return {
    /** Runs `work` in one transaction: a request is handled entirely, with its record, or not at all. */
    async inTransaction<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    /** Once per (shop, webhook id): a redelivered or retried webhook finds its first record's id. */
    async record(entry: NewComplianceRecord, db: Queryable = pool): Promise<number> {
      const inserted = await db.query<{ id: number }>(
        `INSERT INTO compliance_request (shop_domain, topic, webhook_id, shopify_customer_id, data_request_id,
                                         summary, export)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
         ON CONFLICT (shop_domain, webhook_id) DO UPDATE SET summary = compliance_request.summary
         RETURNING id`,
        [
          entry.shopDomain,
          entry.topic,
          entry.webhookId,
          entry.shopifyCustomerId?.toString() ?? null,
          entry.dataRequestId?.toString() ?? null,
          entry.summary,
          entry.export === undefined || entry.export === null ? null : JSON.stringify(entry.export),
        ],
      );
      const id = inserted.rows[0]?.id;
      if (id === undefined) throw new Error("compliance record insert returned no row");
      return id;
    },

    async list(shopDomain: string, limit = 50): Promise<ComplianceRecordRow[]> {
      return (await pool.query<ComplianceRecordRow>(listSql, [shopDomain, limit])).rows;
    },

    /** A data request's export, only for the shop that received it (another shop's id is as unknown as none). */
    async exportOf(shopDomain: string, id: number): Promise<{ found: boolean; export: unknown }> {
      const result = await pool.query<{ export: unknown }>(
        "SELECT export FROM compliance_request WHERE shop_domain = $1 AND id = $2",
        [shopDomain, id],
      );
      const row = result.rows[0];
      return row ? { found: true, export: row.export } : { found: false, export: null };
    },
  };
}

export type ComplianceRequestRepository = ReturnType<typeof createComplianceRequestRepository>;
