// Applies Shopify's search syntax subset (`updated_at:>'2026-01-01' AND email:ann@x.com`) to a list.

type Comparable = string | number | boolean | Date | null;
export type SearchFields<T> = Record<string, (item: T) => Comparable>;

interface Term {
  field: string;
  op: ">" | ">=" | "<" | "<=" | "=";
  value: string;
}

function parseTerms(query: string): Term[] {
  const terms: Term[] = [];
  const re = /(\w+):(>=|<=|>|<)?("[^"]*"|'[^']*'|\S+)/g;
  for (const match of query.matchAll(re)) {
    const [, field, op, raw] = match;
    if (!field || !raw) continue;
    terms.push({
      field: field.toLowerCase(),
      op: (op as Term["op"] | undefined) ?? "=",
      value: raw.replace(/^["']|["']$/g, ""),
    });
  }
  return terms;
}

function compare(actual: Comparable, term: Term): boolean {
  if (actual === null) return false;
  let a: number | string;
  let b: number | string;
  if (actual instanceof Date) {
    a = actual.getTime();
    b = Date.parse(term.value);
    if (Number.isNaN(b)) return false;
  } else if (typeof actual === "number") {
    a = actual;
    b = Number(term.value);
  } else {
    a = String(actual).toLowerCase();
    b = term.value.toLowerCase();
    if (term.op === "=" && b.endsWith("*")) return a.startsWith(b.slice(0, -1));
  }
  switch (term.op) {
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    default:
      return a === b;
  }
}

/** Every known term must match (implicit AND); unknown fields are ignored as Shopify does. */
export function applySearchQuery<T>(items: T[], query: string | null | undefined, fields: SearchFields<T>): T[] {
  if (!query) return items;
  const terms = parseTerms(query).filter((t) => t.field in fields);
  return items.filter((item) => terms.every((t) => compare(fields[t.field]?.(item) ?? null, t)));
}
