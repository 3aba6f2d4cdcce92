-- AlterTable
ALTER TABLE "order" ADD COLUMN     "shipping_country_code" TEXT,
ADD COLUMN     "shipping_method" TEXT;

-- CreateTable
CREATE TABLE "shipping_settings" (
    "shop_id" INTEGER NOT NULL,
    "cutoff_hour" INTEGER NOT NULL DEFAULT 14,
    "processing_days" INTEGER NOT NULL DEFAULT 1,
    "working_weekdays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "transit" JSONB NOT NULL,
    "transit_on_working_days_only" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shipping_settings_pkey" PRIMARY KEY ("shop_id")
);

-- AddForeignKey
ALTER TABLE "shipping_settings" ADD CONSTRAINT "shipping_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A calendar without a working weekday could never ship: validation refuses it, and so does the table.
ALTER TABLE "shipping_settings" ADD CONSTRAINT "shipping_settings_working_weekdays_check" CHECK (cardinality("working_weekdays") > 0);
