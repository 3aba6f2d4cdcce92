// Puts the server's messages (errors, per-field validation) in the admin's language, which the admin sends as
// Accept-Language: the English text is the key (server/http/locales/server-messages.json), so a message is still
// written once, where it is raised, and a test finds any without its Indonesian and Filipino.
import { readFileSync } from "node:fs";
import { createTranslator, type Translations } from "./message-catalogue.js";

export const serverMessageLanguages = ["en", "id", "fil"] as const;
export type ServerMessageLanguage = (typeof serverMessageLanguages)[number];

export const serverMessages = JSON.parse(
  readFileSync(new URL("./locales/server-messages.json", import.meta.url), "utf8"),
) as Record<string, Translations>;

const translate = createTranslator(serverMessages);

/** The admin's language from Accept-Language's first tag; Shopify says "fil", older systems "tl". */
export function requestLanguage(acceptLanguage: string | undefined): ServerMessageLanguage {
  const base = (acceptLanguage ?? "").split(",")[0]?.trim().split(/[-;]/)[0]?.toLowerCase();
  if (base === "tl" || base === "fil") return "fil";
  return base === "id" ? "id" : "en";
}

/** The message in the language, placeholders' values translated too (a Liquid error inside "Line 3, …"). */
export function translateMessage(message: string, language: ServerMessageLanguage): string {
  if (language === "en") return message;
  return translate(message, language) ?? message;
}

const translateValues = (record: Record<string, unknown>, language: ServerMessageLanguage) =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      typeof value === "string" ? translateMessage(value, language) : value,
    ]),
  );

/** An error body with its message, per-field messages and (Liquid) details message in the language. */
export function localiseErrorBody<T extends { error: { message: string } & Record<string, unknown> }>(
  body: T,
  language: ServerMessageLanguage,
): T {
  if (language === "en") return body;
  const { fields, details } = body.error;
  const error: Record<string, unknown> = { ...body.error, message: translateMessage(body.error.message, language) };
  if (typeof fields === "object" && fields !== null) {
    error.fields = translateValues(fields as Record<string, unknown>, language);
  }
  if (typeof details === "object" && details !== null && "message" in details) {
    error.details = translateValues(details as Record<string, unknown>, language);
  }
  return { ...body, error };
}
