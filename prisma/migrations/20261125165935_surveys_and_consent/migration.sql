-- CreateTable
CREATE TABLE "order_delivery" (
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "fulfillment_id" BIGINT NOT NULL,
    "delivered_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_delivery_pkey" PRIMARY KEY ("shop_id","shopify_order_id")
);

-- CreateTable
CREATE TABLE "nps_response" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "shopify_order_id" BIGINT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "language" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 1,
    "first_answered_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL,
    "commented_at" TIMESTAMP(3),

    CONSTRAINT "nps_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_consent" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "shopify_customer_id" BIGINT,
    "state" TEXT NOT NULL,
    "state_changed_at" TIMESTAMP(3),
    "unsubscribed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "nps_response_shop_id_first_answered_at_idx" ON "nps_response"("shop_id", "first_answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "nps_response_shop_id_shopify_order_id_key" ON "nps_response"("shop_id", "shopify_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_consent_shop_id_email_key" ON "email_consent"("shop_id", "email");

-- AddForeignKey
ALTER TABLE "order_delivery" ADD CONSTRAINT "order_delivery_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nps_response" ADD CONSTRAINT "nps_response_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_consent" ADD CONSTRAINT "email_consent_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A survey answer is a score from 0 to 10, whatever path wrote it
ALTER TABLE "nps_response" ADD CONSTRAINT "nps_response_score_range" CHECK ("score" BETWEEN 0 AND 10);
