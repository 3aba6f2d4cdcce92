-- CreateTable
CREATE TABLE "customer_first_order" (
    "customer_id" INTEGER NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "order_id" INTEGER NOT NULL,
    "ordered_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_first_order_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "customer_active_span" (
    "customer_id" INTEGER NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "starts_after" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_active_span_pkey" PRIMARY KEY ("customer_id","starts_after")
);

-- CreateIndex
CREATE INDEX "customer_first_order_shop_id_ordered_at_idx" ON "customer_first_order"("shop_id", "ordered_at");

-- CreateIndex
CREATE INDEX "customer_active_span_shop_id_starts_after_ends_at_idx" ON "customer_active_span"("shop_id", "starts_after", "ends_at");

-- AddForeignKey
ALTER TABLE "customer_first_order" ADD CONSTRAINT "customer_first_order_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_active_span" ADD CONSTRAINT "customer_active_span_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Analytics facts kept by the database itself, so webhooks, the history import and any other writer of "order" keep
-- them exact: each customer's first counted order and the stretches during which they count as active (an order in
-- the 365 days before). Statement triggers with transition tables recompute only the customers a statement touched,
-- under a per-customer advisory lock so two transactions writing the same customer's orders cannot interleave.
-- A bulk writer (the history import) may set afterglow.defer_order_facts for its transaction and refresh its shop's
-- customers once at the end instead (customer_order_facts_refresh in chunks).
-- Bodies write semicolons as unicode escapes: Prisma's WebAssembly engine splits statements on every semicolon.
CREATE FUNCTION customer_order_facts_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS
U&'BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''customer_order_facts''), locked.id)
    FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) AS locked\003B
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

CREATE FUNCTION order_facts_after_insert_or_delete() RETURNS trigger LANGUAGE plpgsql AS
U&'BEGIN IF current_setting(''afterglow.defer_order_facts'', true) = ''on'' THEN RETURN NULL\003B END IF\003B PERFORM customer_order_facts_refresh(ARRAY(SELECT DISTINCT customer_id FROM changed_rows WHERE customer_id IS NOT NULL))\003B RETURN NULL\003B END';

CREATE FUNCTION order_facts_after_update() RETURNS trigger LANGUAGE plpgsql AS
U&'BEGIN IF current_setting(''afterglow.defer_order_facts'', true) = ''on'' THEN RETURN NULL\003B END IF\003B PERFORM customer_order_facts_refresh(ARRAY(SELECT n.customer_id FROM new_rows n JOIN old_rows o USING (id) WHERE n.customer_id IS NOT NULL AND (n.customer_id, n.cancelled_at, n.financial_status, n.shopify_created_at) IS DISTINCT FROM (o.customer_id, o.cancelled_at, o.financial_status, o.shopify_created_at) UNION SELECT o.customer_id FROM new_rows n JOIN old_rows o USING (id) WHERE o.customer_id IS NOT NULL AND (n.customer_id, n.cancelled_at, n.financial_status, n.shopify_created_at) IS DISTINCT FROM (o.customer_id, o.cancelled_at, o.financial_status, o.shopify_created_at)))\003B RETURN NULL\003B END';

CREATE TRIGGER order_facts_after_insert AFTER INSERT ON "order"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_insert_or_delete();

CREATE TRIGGER order_facts_after_delete AFTER DELETE ON "order"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_insert_or_delete();

CREATE TRIGGER order_facts_after_update AFTER UPDATE ON "order"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION order_facts_after_update();

-- A shop's counted orders by date with what the measures read, so a period is one index-only range scan.
CREATE INDEX "order_counted_by_shop_and_date" ON "order" ("shop_id", "shopify_created_at")
  INCLUDE ("customer_id", "id", "shopify_order_id", "subtotal_price", "financial_status")
  WHERE "cancelled_at" IS NULL AND "financial_status" IS DISTINCT FROM 'voided';

-- Orders already stored.
SELECT customer_order_facts_refresh(ARRAY(SELECT DISTINCT customer_id FROM "order" WHERE customer_id IS NOT NULL));
