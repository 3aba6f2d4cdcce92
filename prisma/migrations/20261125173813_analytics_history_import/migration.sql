-- CreateTable
CREATE TABLE "history_import" (
    "shop_id" INTEGER NOT NULL,
    "bulk_operation_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "object_count" INTEGER,
    "lines_done" INTEGER NOT NULL DEFAULT 0,
    "customers_done" INTEGER NOT NULL DEFAULT 0,
    "orders_done" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "history_import_pkey" PRIMARY KEY ("shop_id")
);

-- CreateIndex
CREATE INDEX "order_shop_id_shopify_created_at_idx" ON "order"("shop_id", "shopify_created_at");

-- CreateIndex
CREATE INDEX "order_customer_id_shopify_created_at_idx" ON "order"("customer_id", "shopify_created_at");

-- AddForeignKey
ALTER TABLE "history_import" ADD CONSTRAINT "history_import_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

