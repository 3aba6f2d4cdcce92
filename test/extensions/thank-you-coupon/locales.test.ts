import { readFileSync, readdirSync } from "node:fs";

type Messages = { [key: string]: string | Messages };

const dir = new URL("../../../extensions/thank-you-coupon/locales/", import.meta.url);
const load = (file: string): Messages => JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Messages;

/** Every dotted key with the {{placeholders}} its message uses. */
function flatten(messages: Messages, prefix = ""): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort()]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

function texts(messages: Messages, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(texts(value, `${prefix}${key}.`)),
    ),
  );
}

describe("thank-you coupon locales", () => {
  const english = flatten(load("en.default.json"));

  it("ships English as the default plus Indonesian and Filipino", () => {
    expect(readdirSync(dir).sort()).toEqual(["en.default.json", "fil.json", "id.json"]);
  });

  it.each(["id.json", "fil.json"])("%s has every English key, with the same placeholders", (file) => {
    expect(flatten(load(file))).toEqual(english);
  });

  it.each(["id.json", "fil.json"])("%s is translated, not English left in place", (file) => {
    const english = texts(load("en.default.json"));
    const translated = texts(load(file));
    for (const [key, text] of Object.entries(translated)) expect([key, text]).not.toEqual([key, english[key]]);
  });
});
