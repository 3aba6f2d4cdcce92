-- CreateEnum
CREATE TYPE "CouponKind" AS ENUM ('percentage', 'fixed_amount', 'free_shipping');

-- CreateEnum
CREATE TYPE "CouponEligibility" AS ENUM ('first_order', 'every_order', 'repeat_customers');

-- CreateEnum
CREATE TYPE "CouponStatus" AS ENUM ('pending', 'issued', 'failed', 'redeemed');

-- CreateTable
CREATE TABLE "coupon_settings" (
    "shop_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "kind" "CouponKind" NOT NULL DEFAULT 'percentage',
    "value" DECIMAL(12,2) NOT NULL DEFAULT 10,
    "minimum_subtotal" DECIMAL(12,2),
    "eligibility" "CouponEligibility" NOT NULL DEFAULT 'first_order',
    "minimum_order_subtotal" DECIMAL(12,2),
    "exclude_orders_with_code" BOOLEAN NOT NULL DEFAULT false,
    "validity_days" INTEGER NOT NULL DEFAULT 30,
    "code_prefix" TEXT NOT NULL DEFAULT 'THANKS',
    "combines_with_product" BOOLEAN NOT NULL DEFAULT false,
    "combines_with_order" BOOLEAN NOT NULL DEFAULT false,
    "combines_with_shipping" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "coupon_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "coupon" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "customer_id" INTEGER,
    "shopify_customer_id" BIGINT,
    "code" TEXT NOT NULL,
    "status" "CouponStatus" NOT NULL DEFAULT 'pending',
    "kind" "CouponKind" NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "minimum_subtotal" DECIMAL(12,2),
    "currency_code" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "combines_with" JSONB NOT NULL,
    "shopify_discount_id" TEXT,
    "last_error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "redeemed_order_id" BIGINT,
    "redeemed_at" TIMESTAMP(3),
    "redeemed_revenue" DECIMAL(14,2),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "coupon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "coupon_shop_id_status_idx" ON "coupon"("shop_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_shop_id_shopify_order_id_key" ON "coupon"("shop_id", "shopify_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_shop_id_code_key" ON "coupon"("shop_id", "code");

-- AddForeignKey
ALTER TABLE "coupon_settings" ADD CONSTRAINT "coupon_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coupon" ADD CONSTRAINT "coupon_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coupon" ADD CONSTRAINT "coupon_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

