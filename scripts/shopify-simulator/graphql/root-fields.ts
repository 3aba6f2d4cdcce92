// The shape each resolver area exports: root Query/Mutation fields, resolved by graphql-js's default resolver.
import type { GraphQLContext } from "./graphql-context.js";

export type RootField = (args: Record<string, unknown>, ctx: GraphQLContext) => unknown;
export type RootFields = Record<string, RootField>;

export interface ResolverArea {
  query?: RootFields;
  mutation?: RootFields;
}
