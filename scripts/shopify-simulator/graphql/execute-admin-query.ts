// Runs one Admin API request as Shopify does: parse, validate, price, throttle, execute, refund, envelope.
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
} from "graphql";
import type { AdminSchema } from "./admin-schema.js";
import type { GraphQLContext } from "./graphql-context.js";
import type { LeakyBucket, ThrottleStatus } from "./leaky-bucket.js";
import { queryCost } from "./query-cost.js";
import { variableErrors } from "./variable-errors.js";

export const MAX_QUERY_COST = 1000;
const RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";

export interface AdminQueryRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface AdminQueryResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: { cost: CostExtension };
}

function formatError(error: GraphQLError, fallbackCode: string): GraphQLFormattedError {
  const formatted = error.toJSON();
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : fallbackCode;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

function parseDocument(query: string): DocumentNode | GraphQLError {
  try {
    return parse(query);
  } catch (error) {
    return error instanceof GraphQLError ? error : new GraphQLError(String(error));
  }
}

function maxCostError(cost: number): GraphQLFormattedError {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee ${RATE_LIMITS_DOC} for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
    extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_QUERY_COST, documentation: RATE_LIMITS_DOC },
  };
}

/** Apps send the same few documents over and over: parsing and validating each once keeps load tests honest. */
const validDocuments = new Map<string, DocumentNode>();
const VALID_DOCUMENTS_KEPT = 500;

function validDocument(admin: AdminSchema, query: string): DocumentNode | AdminQueryResponse {
  const cached = validDocuments.get(query);
  if (cached) return cached;
  const document = parseDocument(query);
  if (document instanceof GraphQLError) return { errors: [formatError(document, "GRAPHQL_PARSE_FAILED")] };
  const validationErrors = validate(admin.schema, document);
  if (validationErrors.length > 0)
    return { errors: validationErrors.map((e) => formatError(e, "GRAPHQL_VALIDATION_FAILED")) };
  if (validDocuments.size >= VALID_DOCUMENTS_KEPT) validDocuments.clear();
  validDocuments.set(query, document);
  return document;
}

export async function executeAdminQuery(
  admin: AdminSchema,
  request: AdminQueryRequest,
  ctx: GraphQLContext,
  bucket: LeakyBucket,
): Promise<AdminQueryResponse> {
  const document = validDocument(admin, request.query);
  if (!("kind" in document)) return document;
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation)
    return {
      errors: [
        { message: "An operation name is required when the document has several", extensions: { code: "BAD_REQUEST" } },
      ],
    };
  // Shopify refuses ill-typed variables before pricing the query, like any other validation error.
  const badVariables = variableErrors(admin.schema, operation, request.variables ?? {});
  if (badVariables.length > 0) return { errors: badVariables };
  const costInput = {
    schema: admin.schema,
    operation,
    fragments: document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
    variables: request.variables ?? {},
  };
  const requested = queryCost(costInput);
  if (requested > MAX_QUERY_COST) {
    return {
      errors: [maxCostError(requested)],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
    };
  }
  if (!bucket.tryTake(requested)) {
    return {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMITS_DOC } }],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
    };
  }
  const result = await execute({
    schema: admin.schema,
    document,
    rootValue: operation.operation === "mutation" ? admin.mutationRoot : admin.queryRoot,
    contextValue: ctx,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
  });
  const actual = Math.min(requested, queryCost(costInput, result.data ?? null));
  bucket.refund(requested - actual);
  const response: AdminQueryResponse = { data: result.data ?? null };
  if (result.errors?.length) response.errors = result.errors.map((e) => formatError(e, "INTERNAL_SERVER_ERROR"));
  response.extensions = {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  };
  return response;
}
