// The opaque cursor of the admin customer list: the last id a page showed, so the next page starts after it.
import { z } from "zod";

const cursorSchema = z.object({ id: z.number().int().positive() });

export function encodeCustomerCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ id: lastId })).toString("base64url");
}

/** Undefined for a cursor we did not write (tampered or from another list): the caller answers 400. */
export function decodeCustomerCursor(cursor: string): number | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.id : undefined;
  } catch {
    return undefined;
  }
}

/** A staff member's search words as a LIKE pattern: their % and _ are literal characters. */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
