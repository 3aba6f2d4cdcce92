-- CreateTable
CREATE TABLE "compliance_request" (
    "id" SERIAL NOT NULL,
    "shop_domain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "shopify_customer_id" BIGINT,
    "data_request_id" BIGINT,
    "summary" TEXT NOT NULL,
    "export" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "compliance_request_shop_domain_created_at_idx" ON "compliance_request"("shop_domain", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "compliance_request_shop_domain_webhook_id_key" ON "compliance_request"("shop_domain", "webhook_id");


-- shop/redact deletes the shop, and with it (by cascade) its ledger: the one delete the append-only ledger allows,
-- and only for the shop the transaction named with set_config('afterglow.redacting_shop_id', <id>, true).
CREATE OR REPLACE FUNCTION ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
U&'BEGIN IF TG_OP = ''DELETE'' AND OLD.shop_id::text = current_setting(''afterglow.redacting_shop_id'', true) THEN RETURN OLD\003B END IF\003B RAISE EXCEPTION ''ledger_entry is append-only: % refused'', TG_OP USING ERRCODE = ''restrict_violation''\003B END';
