// Setting a birthday over HTTP: the body both the storefront and the admin send, and the one answer they share.
import type { Request } from "express";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import type { SetBirthdayResult } from "../../domain/loyalty/customer-rewards-service.js";
import { redemptionMessage, type ShopperLanguage } from "../../domain/loyalty/redemption-messages.js";

// Strict: the body names a date and nothing else (never whose birthday it is; the signature or the URL says that).
// An empty string clears it, so a plain storefront form can clear it too.
const birthdayBodySchema = z
  .object({
    birthday: z.preprocess(
      (value) => (value === "" ? null : value),
      z
        .string({ error: "birthday must be a date or null" })
        .trim()
        .max(10, "birthday is MM-DD or YYYY-MM-DD")
        .nullable(),
    ),
  })
  .strict();

export type SetBirthday = (customerId: number, input: string | null, now: Date) => Promise<SetBirthdayResult>;

/** The body's date, or a 422 whose message is in the shopper's language. */
export function birthdayInput(req: Request, language: ShopperLanguage): string | null {
  const parsed = birthdayBodySchema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new AppError("unprocessable", redemptionMessage(language, "birthday_invalid"), {
      fields: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "body", issue.message])),
    });
  }
  return parsed.data.birthday;
}

/** Stores it (a change starts the 30-day wait before it can earn); an impossible date such as 02-30 is a 422. */
export async function saveBirthday(
  setBirthday: SetBirthday,
  customerId: number,
  input: string | null,
  language: ShopperLanguage,
) {
  const result = await setBirthday(customerId, input, new Date());
  if (!result.ok) {
    const message = redemptionMessage(language, "birthday_invalid");
    throw new AppError("unprocessable", message, { fields: { birthday: message } });
  }
  return { birthday: result.birthday, changed: result.changed, message: redemptionMessage(language, "birthday_saved") };
}
