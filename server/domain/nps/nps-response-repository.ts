// Survey answers: one row per order, a later score replaces the earlier one; counts per month for the dashboard.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { NpsScoreCount } from "./summarize-nps.js";

export interface RecordedAnswer {
  score: number;
  comment: string | null;
  /** True on the order's first answer; false when an earlier answer was replaced (or repeated). */
  first: boolean;
}

// Columns hold UTC without a zone, as Prisma writes them; xmax = 0 only on a freshly inserted row.
const answerSql = `
INSERT INTO nps_response (shop_id, shopify_order_id, score, language, first_answered_at, answered_at)
VALUES ($1, $2, $3, $4, ($5::timestamptz AT TIME ZONE 'UTC'), ($5::timestamptz AT TIME ZONE 'UTC'))
ON CONFLICT (shop_id, shopify_order_id) DO UPDATE SET
  score = EXCLUDED.score,
  clicks = nps_response.clicks + 1,
  answered_at = EXCLUDED.answered_at
RETURNING score, comment, (xmax = 0) AS first`;

const commentSql = `
UPDATE nps_response SET comment = $3, commented_at = ($4::timestamptz AT TIME ZONE 'UTC')
WHERE shop_id = $1 AND shopify_order_id = $2`;

// Period bounds are calendar days in the shop's time zone: [from 00:00, day after to 00:00).
const countsSql = `
SELECT to_char((first_answered_at AT TIME ZONE 'UTC') AT TIME ZONE $4, 'YYYY-MM') AS month, score, count(*)::int AS count
FROM nps_response
WHERE shop_id = $1
  AND first_answered_at >= (($2::date)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'
  AND first_answered_at < (($3::date + 1)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'
GROUP BY 1, 2
ORDER BY 1, 2`;

export function createNpsResponseRepository(pool: PgPool) {
  return {
    async recordAnswer(input: {
      shopId: number;
      shopifyOrderId: bigint;
      score: number;
      language: string;
      at: Date;
    }): Promise<RecordedAnswer> {
      const result = await pool.query<RecordedAnswer>(answerSql, [
        input.shopId,
        input.shopifyOrderId.toString(),
        input.score,
        input.language,
        input.at.toISOString(),
      ]);
      const row = result.rows[0];
      if (!row) throw new Error("survey answer upsert returned no row");
      return row;
    },
    /** False when the order has no answer yet (a comment always follows a score). */
    async saveComment(shopId: number, shopifyOrderId: bigint, comment: string, at: Date): Promise<boolean> {
      const result = await pool.query(commentSql, [shopId, shopifyOrderId.toString(), comment, at.toISOString()]);
      return result.rowCount === 1;
    },
    /** `from` and `to` are "YYYY-MM-DD" days in `timeZone`, both included. */
    async scoreCounts(shopId: number, from: string, to: string, timeZone: string): Promise<NpsScoreCount[]> {
      const result = await pool.query<NpsScoreCount>(countsSql, [shopId, from, to, timeZone]);
      return result.rows;
    },
  };
}

export type NpsResponseRepository = ReturnType<typeof createNpsResponseRepository>;
