// Each measure's name and textbook definition in the admin's languages, shown next to the number.

export const measureNames = [
  "customer-retention-rate",
  "repeat-purchase-rate",
  "returning-customer-rate",
  "purchase-frequency",
  "average-order-value",
  "customer-lifetime-value",
  "nps",
  "coupon-redemption-rate",
  "coupon-revenue",
  "points-outstanding",
  "points-liability",
  "rfm-segments",
  "top-customer-revenue-share",
] as const;

export type MeasureName = (typeof measureNames)[number];
export type AdminLanguage = "en" | "id" | "fil";
type Definition = Record<AdminLanguage, string>;

/** Said once for every customer measure: who counts as a customer and which orders count. */
export const groundRules: Definition = {
  en:
    "A customer is someone who placed an order (an account alone does not count). Cancelled and voided orders are " +
    "left out; revenue is net: subtotal after discounts minus refunds. Guest orders count in average order value " +
    "only, not in customer measures. Periods are calendar days in the shop's time zone.",
  id:
    "Pelanggan adalah orang yang pernah memesan (akun saja tidak dihitung). Pesanan yang dibatalkan atau void tidak " +
    "dihitung; pendapatan bersih: subtotal setelah diskon dikurangi pengembalian dana. Pesanan tamu hanya dihitung " +
    "dalam nilai pesanan rata-rata. Periode adalah hari kalender di zona waktu toko.",
  fil:
    "Ang customer ay sinumang nag-order (hindi sapat ang account lang). Hindi binibilang ang kinansela at voided na " +
    "order; net ang kita: subtotal matapos ang diskwento bawas ang refund. Ang order ng guest ay kasama lang sa " +
    "average order value. Ang panahon ay mga araw sa time zone ng tindahan.",
};

export const definitions: Record<MeasureName, Definition> = {
  "customer-retention-rate": {
    en:
      "(Customers at the end of the period - new customers acquired in the period) / customers at the start x 100. " +
      "A customer is counted at a moment while their last order is less than 365 days old.",
    id:
      "(Pelanggan di akhir periode - pelanggan baru dalam periode) / pelanggan di awal periode x 100. Pelanggan " +
      "dihitung selama pesanan terakhirnya kurang dari 365 hari.",
    fil:
      "(Customer sa dulo ng panahon - bagong customer sa panahon) / customer sa simula x 100. Binibilang ang " +
      "customer habang wala pang 365 araw ang huli niyang order.",
  },
  "repeat-purchase-rate": {
    en: "Orders in the period placed by customers who had ordered before / all customer orders in the period x 100.",
    id: "Pesanan dalam periode oleh pelanggan yang pernah memesan sebelumnya / semua pesanan pelanggan x 100.",
    fil: "Mga order sa panahon ng mga customer na nakapag-order na dati / lahat ng order ng customer x 100.",
  },
  "returning-customer-rate": {
    en:
      "Customers ordering in the period who had ordered before it / all customers ordering in the period x 100. " +
      "Counts people, where the repeat purchase rate counts orders.",
    id:
      "Pelanggan yang memesan dalam periode dan pernah memesan sebelumnya / semua pelanggan yang memesan x 100. " +
      "Menghitung orang, bukan pesanan.",
    fil:
      "Mga customer na nag-order sa panahon at nakapag-order na bago nito / lahat ng customer na nag-order x 100. " +
      "Tao ang binibilang, hindi order.",
  },
  "purchase-frequency": {
    en: "Customer orders in the period / customers ordering in the period.",
    id: "Pesanan pelanggan dalam periode / pelanggan yang memesan dalam periode.",
    fil: "Mga order ng customer sa panahon / mga customer na nag-order sa panahon.",
  },
  "average-order-value": {
    en: "Net revenue of the period's orders / number of orders (guest orders included).",
    id: "Pendapatan bersih pesanan periode / jumlah pesanan (termasuk pesanan tamu).",
    fil: "Net na kita ng mga order sa panahon / bilang ng order (kasama ang guest).",
  },
  "customer-lifetime-value": {
    en:
      "Average order value x purchase frequency x expected lifespan, where lifespan = 1 / churn and churn = 1 - " +
      "retention rate (all for the same period). No estimate while retention is 100% or more.",
    id:
      "Nilai pesanan rata-rata x frekuensi pembelian x perkiraan umur pelanggan, dengan umur = 1 / churn dan churn = " +
      "1 - tingkat retensi (periode yang sama).",
    fil:
      "Karaniwang halaga ng order x dalas ng pagbili x inaasahang tagal, kung saan tagal = 1 / churn at churn = 1 - " +
      "antas ng pagpapanatili (parehong panahon).",
  },
  nps: {
    en: "% promoters (9-10) - % detractors (0-6) among post-delivery survey answers in the period; -100 to 100.",
    id: "% promotor (9-10) - % detraktor (0-6) dari jawaban survei setelah pengiriman dalam periode; -100 hingga 100.",
    fil: "% promoter (9-10) - % detractor (0-6) sa mga sagot sa survey matapos ang delivery; -100 hanggang 100.",
  },
  "coupon-redemption-rate": {
    en: "Thank-you codes issued in the period that were redeemed (at any time since) / codes issued in the period x 100.",
    id: "Kode terima kasih yang diterbitkan dalam periode dan sudah dipakai / kode yang diterbitkan dalam periode x 100.",
    fil: "Mga thank-you code na ibinigay sa panahon at nagamit na / mga code na ibinigay sa panahon x 100.",
  },
  "coupon-revenue": {
    en: "Subtotal after discounts of orders that redeemed an Afterglow thank-you code in the period.",
    id: "Subtotal setelah diskon dari pesanan yang memakai kode terima kasih Afterglow dalam periode.",
    fil: "Subtotal matapos ang diskwento ng mga order na gumamit ng thank-you code ng Afterglow sa panahon.",
  },
  "points-outstanding": {
    en: "Spendable points customers hold now (positive balances); pending points are shown apart.",
    id: "Poin yang bisa dipakai pelanggan saat ini (saldo positif); poin tertunda ditampilkan terpisah.",
    fil: "Mga puntos na magagamit ng mga customer ngayon (positibong balanse); hiwalay ang pending.",
  },
  "points-liability": {
    en: "Points outstanding / points per currency unit of the shop's redemption rate: what the points are worth.",
    id: "Poin beredar / poin per satuan mata uang sesuai tarif penukaran toko: nilai poin tersebut.",
    fil: "Mga natitirang puntos / puntos bawat yunit ng pera ayon sa redemption rate: halaga ng mga puntos.",
  },
  "rfm-segments": {
    en:
      "Customers ordering in the period scored 1-5 by quintile of recency (last order), frequency (orders) and " +
      "monetary (net revenue); champions R4-5 F4-5 M4-5, loyal R3-5 F3-5, at risk R1-2 F3-5, new R4-5 F1-2, " +
      "hibernating R2-3 F1-2, lost R1 F1-2.",
    id:
      "Pelanggan periode dinilai 1-5 per kuintil untuk kebaruan, frekuensi dan nilai; champions R4-5 F4-5 M4-5, " +
      "loyal R3-5 F3-5, at risk R1-2 F3-5, new R4-5 F1-2, hibernating R2-3 F1-2, lost R1 F1-2.",
    fil:
      "Ang mga customer ng panahon ay may iskor 1-5 ayon sa quintile ng recency, frequency at monetary; champions " +
      "R4-5 F4-5 M4-5, loyal R3-5 F3-5, at risk R1-2 F3-5, new R4-5 F1-2, hibernating R2-3 F1-2, lost R1 F1-2.",
  },
  "top-customer-revenue-share": {
    en: "Net revenue of the top 20% of the period's customers by revenue / net revenue of all its customers x 100.",
    id: "Pendapatan bersih 20% pelanggan teratas / pendapatan bersih semua pelanggan periode x 100.",
    fil: "Net na kita ng nangungunang 20% na customer / net na kita ng lahat ng customer sa panahon x 100.",
  },
};

export function definitionOf(measure: MeasureName, language: AdminLanguage): string {
  return definitions[measure][language];
}
