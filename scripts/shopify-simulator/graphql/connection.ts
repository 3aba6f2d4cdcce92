// Relay-style pagination as Shopify implements it: first/last with opaque cursors, nodes and edges.
import { GraphQLError } from "graphql";
import { z } from "zod";

export const connectionArgsSchema = z.object({
  first: z.number().int().nullish(),
  last: z.number().int().nullish(),
  after: z.string().nullish(),
  before: z.string().nullish(),
});

export type ConnectionArgs = z.infer<typeof connectionArgsSchema>;

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const MAX_PAGE_SIZE = 250;

function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ last_id: id })).toString("base64");
}

function decodeCursor(cursor: string): number {
  try {
    const parsed = z.object({ last_id: z.number() }).parse(JSON.parse(Buffer.from(cursor, "base64").toString("utf8")));
    return parsed.last_id;
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
  }
}

function checkPageSize(args: ConnectionArgs): number {
  const size = args.first ?? args.last;
  if (size == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The page size must be between 0 and ${MAX_PAGE_SIZE}`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return size;
}

/** Pages `items` (already filtered and sorted); `idOf` gives the stable key cursors point at. */
export function paginate<S, T>(
  items: S[],
  args: ConnectionArgs,
  idOf: (item: S) => number,
  view: (item: S) => T,
): Connection<T> {
  const size = checkPageSize(args);
  let start = 0;
  let end = items.length;
  if (args.after) {
    const i = items.findIndex((it) => idOf(it) === decodeCursor(args.after ?? ""));
    start = i + 1;
  }
  if (args.before) {
    const i = items.findIndex((it) => idOf(it) === decodeCursor(args.before ?? ""));
    if (i >= 0) end = i;
  }
  const window = items.slice(start, end);
  const page = args.first != null ? window.slice(0, size) : window.slice(Math.max(0, window.length - size));
  const edges = page.map((item) => ({ cursor: encodeCursor(idOf(item)), node: view(item) }));
  const first = page[0];
  const last = page[page.length - 1];
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: args.first != null ? window.length > page.length : end < items.length,
      hasPreviousPage: args.last != null ? window.length > page.length : start > 0,
      startCursor: first === undefined ? null : encodeCursor(idOf(first)),
      endCursor: last === undefined ? null : encodeCursor(idOf(last)),
    },
  };
}
