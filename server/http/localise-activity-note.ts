// Puts the Activity screen's webhook outcomes and errors in the admin's language: the worker writes them in English,
// parts joined by "; ", and server/http/locales/activity-notes.json holds each part's pattern in Indonesian and
// Filipino (a test finds any part the handlers can write without them). Dates read as dates in the shop's zone.
import { readFileSync } from "node:fs";
import type { ServerMessageLanguage } from "./localise-error-body.js";
import { createTranslator, type Catalogue, type PlaceholderValue } from "./message-catalogue.js";

export const activityNotes = JSON.parse(
  readFileSync(new URL("./locales/activity-notes.json", import.meta.url), "utf8"),
) as Catalogue;

/** Technical text from others (Shopify, SMTP, zod) is shown as received, inside this marked pattern. */
export const verbatimPattern = "Technical message, as received: {detail}";

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const countNames = new Set(["points", "ms"]);
const locales: Record<ServerMessageLanguage, string> = { en: "en-US", id: "id-ID", fil: "fil-PH" };

function formatDate(iso: string, language: ServerMessageLanguage, timeZone: string | undefined): string {
  const format = new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "short", timeZone });
  return format.format(new Date(iso));
}

function placeholderValue(timeZone: string | undefined): PlaceholderValue {
  return (name, value, language) => {
    if (name === "detail") return value;
    if (isoDate.test(value)) return formatDate(value, language, timeZone);
    if (countNames.has(name) && /^-?\d+$/.test(value)) return new Intl.NumberFormat(locales[language]).format(+value);
    return undefined;
  };
}

const translators = new Map<string, ReturnType<typeof createTranslator>>();
function translatorFor(timeZone: string | undefined) {
  const key = timeZone ?? "";
  const found = translators.get(key);
  if (found) return found;
  const translator = createTranslator(activityNotes, placeholderValue(timeZone));
  translators.set(key, translator);
  return translator;
}

/** English needs no catalogue, but its dates read as dates too. */
const englishDates = (note: string, timeZone: string | undefined) =>
  note.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) => formatDate(iso, "en", timeZone));

/** A webhook's outcome, part by part; a part nothing matches stays as written. */
export function localiseOutcome(note: string, language: ServerMessageLanguage, timeZone?: string): string {
  if (language === "en") return englishDates(note, timeZone);
  const translate = translatorFor(timeZone);
  return note
    .split("; ")
    .map((part) => translate(part, language) ?? part)
    .join("; ");
}

/** An error: ours translated whole, anyone else's shown verbatim and marked as such. */
export function localiseError(error: string, language: ServerMessageLanguage, timeZone?: string): string {
  if (language === "en") return englishDates(error, timeZone);
  const translate = translatorFor(timeZone);
  return (
    translate(error, language) ??
    (activityNotes[verbatimPattern]?.[language] ?? verbatimPattern).replace("{detail}", () => error)
  );
}
