-- CreateEnum
CREATE TYPE "RedemptionStatus" AS ENUM ('pending', 'issued', 'refunded');

-- CreateTable
CREATE TABLE "redemption_settings" (
    "shop_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "points_per_currency_unit" INTEGER NOT NULL DEFAULT 100,
    "minimum_points" INTEGER NOT NULL DEFAULT 500,
    "code_validity_days" INTEGER NOT NULL DEFAULT 90,
    "expiry_months" INTEGER,
    "expiry_reminder_days" INTEGER NOT NULL DEFAULT 14,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "redemption_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "redemption" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "shopify_customer_id" BIGINT NOT NULL,
    "points" INTEGER NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "currency_code" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" "RedemptionStatus" NOT NULL DEFAULT 'pending',
    "source" TEXT NOT NULL,
    "request_key" TEXT,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "shopify_discount_id" TEXT,
    "last_error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_metafield_sync" (
    "customer_id" INTEGER NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "balance" INTEGER NOT NULL,
    "tier" TEXT,
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_metafield_sync_pkey" PRIMARY KEY ("customer_id")
);

-- CreateIndex
CREATE INDEX "redemption_status_created_at_idx" ON "redemption"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "redemption_shop_id_code_key" ON "redemption"("shop_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "redemption_customer_id_request_key_key" ON "redemption"("customer_id", "request_key");

-- CreateIndex
CREATE INDEX "customer_metafield_sync_shop_id_idx" ON "customer_metafield_sync"("shop_id");

-- AddForeignKey
ALTER TABLE "redemption_settings" ADD CONSTRAINT "redemption_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_metafield_sync" ADD CONSTRAINT "customer_metafield_sync_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Staff search customers by any part of a name or email: a trigram index answers ILIKE '%term%' on 100,000 rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "customer_search_trgm_idx" ON "customer" USING gin (
  (lower(coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("email", ''))) gin_trgm_ops
);

-- The unfiltered list is paged newest first by id within a shop.
CREATE INDEX "customer_shop_id_id_idx" ON "customer" ("shop_id", "id");
