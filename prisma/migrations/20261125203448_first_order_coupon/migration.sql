-- AlterTable
ALTER TABLE "coupon" ADD COLUMN     "first_order" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "first_order_coupon" (
    "shop_id" INTEGER NOT NULL,
    "shopify_customer_id" BIGINT NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "first_order_coupon_pkey" PRIMARY KEY ("shop_id","shopify_customer_id")
);

-- AddForeignKey
ALTER TABLE "first_order_coupon" ADD CONSTRAINT "first_order_coupon_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

