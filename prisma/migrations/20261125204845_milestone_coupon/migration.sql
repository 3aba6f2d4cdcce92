-- AlterTable
ALTER TABLE "loyalty_settings" ADD COLUMN     "milestone_coupon_kind" "CouponKind" NOT NULL DEFAULT 'fixed_amount',
ADD COLUMN     "milestone_coupon_validity_days" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "milestone_coupon_value" DECIMAL(12,2) NOT NULL DEFAULT 10,
ADD COLUMN     "milestone_reward" TEXT NOT NULL DEFAULT 'points';

-- CreateTable
CREATE TABLE "milestone_coupon" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "shopify_customer_id" BIGINT NOT NULL,
    "milestone" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "kind" "CouponKind" NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "currency_code" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "shopify_discount_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "milestone_coupon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "milestone_coupon_status_idx" ON "milestone_coupon"("status");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_coupon_shop_id_customer_id_milestone_key" ON "milestone_coupon"("shop_id", "customer_id", "milestone");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_coupon_shop_id_code_key" ON "milestone_coupon"("shop_id", "code");

-- AddForeignKey
ALTER TABLE "milestone_coupon" ADD CONSTRAINT "milestone_coupon_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_coupon" ADD CONSTRAINT "milestone_coupon_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

