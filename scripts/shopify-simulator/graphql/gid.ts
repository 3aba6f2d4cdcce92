// Converts between numeric ids and Shopify's global ids (gid://shopify/Order/5551234567890).
import { GraphQLError } from "graphql";

export function toGid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a gid of the expected type; an invalid id is a user error, as in Shopify. */
export function parseGid(gid: string, type: string): number {
  const match = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(gid);
  if (!match?.[1]) {
    throw new GraphQLError(`Invalid id: ${gid}`, { extensions: { code: "BAD_REQUEST" } });
  }
  return Number(match[1]);
}

/** Shopify's DateTime scalar: ISO 8601 in UTC without milliseconds. */
export function toDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function toDateTimeOrNull(date: Date | null): string | null {
  return date ? toDateTime(date) : null;
}
