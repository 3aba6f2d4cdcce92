-- CreateEnum
CREATE TYPE "LedgerStatus" AS ENUM ('pending', 'available', 'void');

-- CreateEnum
CREATE TYPE "TierBasis" AS ENUM ('points_earned', 'amount_spent');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('awarded', 'refused');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerCause" ADD VALUE 'signup';
ALTER TYPE "LedgerCause" ADD VALUE 'birthday';
ALTER TYPE "LedgerCause" ADD VALUE 'referral';
ALTER TYPE "LedgerCause" ADD VALUE 'milestone';

-- AlterTable
ALTER TABLE "shop" DROP COLUMN "points_per_currency_unit";

-- AlterTable
ALTER TABLE "customer" ADD COLUMN     "birthday" TEXT,
ADD COLUMN     "birthday_changed_at" TIMESTAMP(3),
ADD COLUMN     "pending_points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "referral_code" TEXT,
ADD COLUMN     "referred_by_id" INTEGER,
ADD COLUMN     "tier" TEXT,
ADD COLUMN     "tier_changed_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ledger_entry" ADD COLUMN     "available_at" TIMESTAMP(3),
ADD COLUMN     "settles_entry_id" BIGINT,
ADD COLUMN     "status" "LedgerStatus" NOT NULL DEFAULT 'available';

-- CreateTable
CREATE TABLE "loyalty_settings" (
    "shop_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "points_per_currency_unit" DECIMAL(12,4) NOT NULL DEFAULT 1,
    "include_shipping" BOOLEAN NOT NULL DEFAULT false,
    "include_tax" BOOLEAN NOT NULL DEFAULT false,
    "first_order_bonus" INTEGER NOT NULL DEFAULT 50,
    "signup_points" INTEGER NOT NULL DEFAULT 25,
    "birthday_points" INTEGER NOT NULL DEFAULT 100,
    "milestone_every" INTEGER NOT NULL DEFAULT 10,
    "milestone_points" INTEGER NOT NULL DEFAULT 200,
    "referral_points" INTEGER NOT NULL DEFAULT 200,
    "return_window_days" INTEGER NOT NULL DEFAULT 14,
    "tier_basis" "TierBasis" NOT NULL DEFAULT 'points_earned',
    "tiers" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loyalty_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "loyalty_refund" (
    "id" BIGSERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "shopify_refund_id" BIGINT NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "subtotal" DECIMAL(14,2) NOT NULL,
    "refunded_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loyalty_refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "referrer_id" INTEGER NOT NULL,
    "referred_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "status" "ReferralStatus" NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_address" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_address_pkey" PRIMARY KEY ("customer_id","fingerprint")
);

-- CreateIndex
CREATE INDEX "loyalty_refund_shop_id_shopify_order_id_idx" ON "loyalty_refund"("shop_id", "shopify_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "loyalty_refund_shop_id_shopify_refund_id_key" ON "loyalty_refund"("shop_id", "shopify_refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "referral_shop_id_referred_id_key" ON "referral"("shop_id", "referred_id");

-- CreateIndex
CREATE INDEX "customer_address_shop_id_fingerprint_idx" ON "customer_address"("shop_id", "fingerprint");

-- CreateIndex
CREATE INDEX "customer_shop_id_birthday_idx" ON "customer"("shop_id", "birthday");

-- CreateIndex
CREATE UNIQUE INDEX "customer_shop_id_referral_code_key" ON "customer"("shop_id", "referral_code");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_settles_entry_id_key" ON "ledger_entry"("settles_entry_id");

-- CreateIndex
CREATE INDEX "ledger_entry_shop_id_shopify_order_id_idx" ON "ledger_entry"("shop_id", "shopify_order_id");

-- CreateIndex
CREATE INDEX "ledger_entry_status_available_at_idx" ON "ledger_entry"("status", "available_at");

-- AddForeignKey
ALTER TABLE "loyalty_settings" ADD CONSTRAINT "loyalty_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_refund" ADD CONSTRAINT "loyalty_refund_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_address" ADD CONSTRAINT "customer_address_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

