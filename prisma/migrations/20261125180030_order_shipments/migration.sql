-- CreateTable
CREATE TABLE "order_shipment" (
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "fulfillment_id" BIGINT NOT NULL,
    "shipped_at" TIMESTAMP(3) NOT NULL,
    "tracked" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_shipment_pkey" PRIMARY KEY ("shop_id","shopify_order_id")
);

-- AddForeignKey
ALTER TABLE "order_shipment" ADD CONSTRAINT "order_shipment_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

