// Builds the Admin API schema from the SDL files and merges the resolver areas into one root value.
import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema } from "graphql";
import { COUNTRY_CODES, CURRENCY_CODES } from "../state/sim-types.js";
import { bulkOperationResolvers, useSchemaForBulkQueries } from "./bulk-operation-resolvers.js";
import { customerResolvers } from "./customer-resolvers.js";
import { discountCodeResolvers } from "./discount-code-resolvers.js";
import { metafieldResolvers } from "./metafield-resolvers.js";
import { orderResolvers } from "./order-resolvers.js";
import type { ResolverArea, RootFields } from "./root-fields.js";
import { shopResolvers } from "./shop-resolvers.js";
import { webhookSubscriptionResolvers } from "./webhook-subscription-resolvers.js";

/** Add an area here (and its types to admin-schema.graphql or an SDL file of its own) to grow the simulated API. */
export const RESOLVER_AREAS: ResolverArea[] = [
  shopResolvers,
  customerResolvers,
  orderResolvers,
  webhookSubscriptionResolvers,
  discountCodeResolvers,
  metafieldResolvers,
  bulkOperationResolvers,
];

/** The SDL files, in order; later ones may `extend type Query` with their area's root fields. */
const SCHEMA_FILES = [
  "./admin-schema.graphql",
  "./discount-schema.graphql",
  "./metafield-schema.graphql",
  "./bulk-schema.graphql",
];

export interface AdminSchema {
  schema: GraphQLSchema;
  queryRoot: RootFields;
  mutationRoot: RootFields;
}

function enumSdl(name: string, values: readonly string[]): string {
  return `enum ${name} { ${values.join(" ")} }`;
}

export function buildAdminSchema(areas: ResolverArea[] = RESOLVER_AREAS): AdminSchema {
  const sdl = [
    ...SCHEMA_FILES.map((file) => readFileSync(new URL(file, import.meta.url), "utf8")),
    enumSdl("CurrencyCode", CURRENCY_CODES),
    enumSdl("CountryCode", COUNTRY_CODES),
  ].join("\n");
  const queryRoot: RootFields = {};
  const mutationRoot: RootFields = {};
  for (const area of areas) {
    Object.assign(queryRoot, area.query ?? {});
    Object.assign(mutationRoot, area.mutation ?? {});
  }
  const schema = buildSchema(sdl);
  useSchemaForBulkQueries(schema);
  return { schema, queryRoot, mutationRoot };
}
