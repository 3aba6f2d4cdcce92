-- CreateTable
CREATE TABLE "campaign_settings" (
    "shop_id" INTEGER NOT NULL,
    "campaigns" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "campaign_send" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "campaign" TEXT NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "period_key" TEXT NOT NULL,
    "code" TEXT,
    "code_status" TEXT,
    "discount_id" TEXT,
    "code_ends_at" TIMESTAMP(3),
    "points" INTEGER,
    "email_id" INTEGER,
    "last_error" TEXT,
    "redeemed_order_id" BIGINT,
    "redeemed_revenue" DECIMAL(14,2),
    "redeemed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_send_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line_item" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "shopify_line_item_id" BIGINT NOT NULL,
    "customer_id" INTEGER,
    "product_id" BIGINT,
    "variant_id" BIGINT,
    "title" TEXT,
    "quantity" INTEGER NOT NULL,
    "ordered_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_line_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaign_send_shop_id_campaign_idx" ON "campaign_send"("shop_id", "campaign");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_send_shop_id_period_key_key" ON "campaign_send"("shop_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_send_shop_id_code_key" ON "campaign_send"("shop_id", "code");

-- CreateIndex
CREATE INDEX "order_line_item_shop_id_product_id_customer_id_ordered_at_idx" ON "order_line_item"("shop_id", "product_id", "customer_id", "ordered_at");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_item_shop_id_shopify_order_id_shopify_line_item__key" ON "order_line_item"("shop_id", "shopify_order_id", "shopify_line_item_id");

-- AddForeignKey
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_send" ADD CONSTRAINT "campaign_send_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line_item" ADD CONSTRAINT "order_line_item_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

