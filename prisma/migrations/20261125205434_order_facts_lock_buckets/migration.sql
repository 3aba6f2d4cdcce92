-- One advisory lock per customer ran out of lock table when one statement touched thousands of customers (deleting
-- a large shop's orders: "out of shared memory"). Customers now share 256 lock buckets (customer id mod 256): a
-- statement holds at most 256 locks, and two writers of one customer still take the same lock, in the same order.
-- The body writes its semicolons as unicode escapes: Prisma's WebAssembly engine splits statements on every semicolon.
CREATE OR REPLACE FUNCTION customer_order_facts_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS
U&'BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''customer_order_facts''), locked.bucket)
    FROM (SELECT DISTINCT id % 256 AS bucket FROM unnest(ids) AS id ORDER BY 1) AS locked\003B
  DELETE FROM customer_first_order WHERE customer_id = ANY(ids)\003B
  INSERT INTO customer_first_order (customer_id, shop_id, order_id, ordered_at)
    SELECT DISTINCT ON (o.customer_id) o.customer_id, o.shop_id, o.id, o.shopify_created_at FROM "order" o
    WHERE o.customer_id = ANY(ids) AND o.cancelled_at IS NULL AND o.financial_status IS DISTINCT FROM ''voided'' AND o.shopify_created_at IS NOT NULL
    ORDER BY o.customer_id, o.shopify_created_at, o.id\003B
  DELETE FROM customer_active_span WHERE customer_id = ANY(ids)\003B
  INSERT INTO customer_active_span (customer_id, shop_id, starts_after, ends_at)
    SELECT customer_id, shop_id, min(at), max(at) + interval ''365 days'' FROM (
      SELECT customer_id, shop_id, at,
             count(*) FILTER (WHERE prev_at IS NULL OR at > prev_at + interval ''365 days'')
               OVER (PARTITION BY customer_id ORDER BY at, id) AS stretch
      FROM (
        SELECT o.customer_id, o.shop_id, o.id, o.shopify_created_at AS at,
               lag(o.shopify_created_at) OVER (PARTITION BY o.customer_id ORDER BY o.shopify_created_at, o.id) AS prev_at
        FROM "order" o WHERE o.customer_id = ANY(ids) AND o.cancelled_at IS NULL AND o.financial_status IS DISTINCT FROM ''voided'' AND o.shopify_created_at IS NOT NULL) AS ordered) AS stretches
    GROUP BY customer_id, shop_id, stretch\003B
END';
