-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('queued', 'sending', 'sent', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "promotional" BOOLEAN NOT NULL DEFAULT false,
    "customer_id" INTEGER,
    "shopify_order_id" BIGINT,
    "data" JSONB NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'queued',
    "send_after" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "claimed_at" TIMESTAMP(3),
    "last_response" TEXT,
    "last_error" TEXT,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_settings" (
    "shop_id" INTEGER NOT NULL,
    "kinds" JSONB NOT NULL,
    "sender_name" TEXT,
    "reply_to" TEXT,
    "logo_url" TEXT,
    "accent_color" TEXT NOT NULL DEFAULT '#1f6f5c',
    "default_language" TEXT NOT NULL DEFAULT 'en',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "email_template" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "good_subject" TEXT,
    "good_html" TEXT,
    "good_text" TEXT,
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "updated_by" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_order" (
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "order_name" TEXT,
    "email" TEXT,
    "language" TEXT NOT NULL,
    "customer_id" INTEGER,
    "first_name" TEXT,
    "ordered_at" TIMESTAMP(3) NOT NULL,
    "country_code" TEXT,
    "shipping_method" TEXT,
    "currency_code" TEXT,
    "total_price" TEXT,
    "items" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_order_pkey" PRIMARY KEY ("shop_id","shopify_order_id")
);

-- CreateIndex
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_outbox_shop_id_created_at_idx" ON "email_outbox"("shop_id", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_shop_id_shopify_order_id_idx" ON "email_outbox"("shop_id", "shopify_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_shop_id_dedupe_key_key" ON "email_outbox"("shop_id", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "email_template_shop_id_kind_language_key" ON "email_template"("shop_id", "kind", "language");

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_settings" ADD CONSTRAINT "email_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_template" ADD CONSTRAINT "email_template_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_order" ADD CONSTRAINT "email_order_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

