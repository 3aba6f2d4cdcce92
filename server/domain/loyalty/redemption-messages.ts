// What a shopper reads about their points (redeeming them, setting a birthday), in English, Indonesian and Filipino.
export type ShopperLanguage = "en" | "id" | "fil";
export type RedemptionMessageKey =
  | "issued"
  | "pending"
  | "returned"
  | "insufficient_points"
  | "below_minimum"
  | "not_a_multiple"
  | "redemption_disabled"
  | "sign_in"
  | "birthday_saved"
  | "birthday_invalid";

const messages: Record<ShopperLanguage, Record<RedemptionMessageKey, string>> = {
  en: {
    issued: "Your discount code is ready.",
    pending: "Your discount code is being created; it will be ready in a moment.",
    returned: "We could not create your code, so your points are back in your account. Please try again later.",
    insufficient_points: "You do not have enough points for this.",
    below_minimum: "You need to redeem at least {minimum} points.",
    not_a_multiple: "Points are redeemed in steps of {step}.",
    redemption_disabled: "Redeeming points is not available in this shop right now.",
    sign_in: "Please sign in to use your points.",
    birthday_saved: "Your birthday is saved.",
    birthday_invalid: "Enter a real date, such as 03-14 or 1990-03-14.",
  },
  id: {
    issued: "Kode diskon Anda sudah siap.",
    pending: "Kode diskon Anda sedang dibuat dan akan segera siap.",
    returned: "Kami tidak dapat membuat kode Anda, jadi poin Anda sudah dikembalikan. Silakan coba lagi nanti.",
    insufficient_points: "Poin Anda tidak cukup untuk ini.",
    below_minimum: "Anda perlu menukarkan minimal {minimum} poin.",
    not_a_multiple: "Poin ditukarkan dalam kelipatan {step}.",
    redemption_disabled: "Penukaran poin sedang tidak tersedia di toko ini.",
    sign_in: "Silakan masuk untuk menggunakan poin Anda.",
    birthday_saved: "Tanggal lahir Anda sudah disimpan.",
    birthday_invalid: "Masukkan tanggal yang benar, misalnya 03-14 atau 1990-03-14.",
  },
  fil: {
    issued: "Handa na ang iyong discount code.",
    pending: "Ginagawa pa ang iyong discount code; magiging handa ito sa ilang sandali.",
    returned: "Hindi namin nagawa ang iyong code, kaya ibinalik na ang iyong points. Pakisubukang muli mamaya.",
    insufficient_points: "Kulang ang iyong points para dito.",
    below_minimum: "Kailangan mong mag-redeem ng hindi bababa sa {minimum} points.",
    not_a_multiple: "Nire-redeem ang points nang tig-{step}.",
    redemption_disabled: "Hindi pa puwedeng mag-redeem ng points sa tindahang ito ngayon.",
    sign_in: "Mag-sign in para magamit ang iyong points.",
    birthday_saved: "Nai-save na ang iyong kaarawan.",
    birthday_invalid: "Maglagay ng totoong petsa, gaya ng 03-14 o 1990-03-14.",
  },
};

/** "id-ID" -> id, "fil" or "tl" -> fil, anything else -> en. */
export function shopperLanguage(value: string | undefined): ShopperLanguage {
  const tag =
    (value ?? "")
      .trim()
      .toLowerCase()
      .split(/[-_,;]/)[0] ?? "";
  if (tag === "id") return "id";
  if (tag === "fil" || tag === "tl") return "fil";
  return "en";
}

export function redemptionMessage(
  language: ShopperLanguage,
  key: RedemptionMessageKey,
  values: Record<string, string | number> = {},
): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? ""));
}
