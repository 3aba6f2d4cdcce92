-- CreateIndex
CREATE INDEX "order_shopify_order_id_idx" ON "order"("shopify_order_id");

