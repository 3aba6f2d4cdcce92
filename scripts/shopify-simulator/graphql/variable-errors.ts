// Checks request variables against the operation before anything runs, reporting problems as Shopify (graphql-ruby) does.
import {
  coerceInputValue,
  getLocation,
  isInputType,
  print,
  typeFromAST,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from "graphql";

interface Problem {
  path: (string | number)[];
  explanation: string;
}

/** Rewords graphql-js's coercion messages into graphql-ruby's explanations, which Shopify's clients see. */
function explain(path: (string | number)[], invalid: unknown, error: GraphQLError): Problem {
  const unknownField = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(error.message);
  if (unknownField?.[1]) {
    return { path: [...path, unknownField[1]], explanation: `Field is not defined on ${unknownField[2] ?? ""}` };
  }
  const missingField = /^Field "([^"]+)" of required type "[^"]+" was not provided/.exec(error.message);
  if (missingField?.[1]) return { path: [...path, missingField[1]], explanation: "Expected value to not be null" };
  if (error.message.startsWith("Expected non-nullable type"))
    return { path, explanation: "Expected value to not be null" };
  // graphql-js words a scalar's refusal either way, depending on whether the scalar threw a GraphQLError.
  const leaf = /^Expected type "([^"]+)"/.exec(error.message) ?? /^(\w+) cannot represent/.exec(error.message);
  if (leaf) return { path, explanation: `Could not coerce value ${JSON.stringify(invalid)} to ${leaf[1] ?? ""}` };
  return { path, explanation: error.message };
}

function problemsOf(schema: GraphQLSchema, def: VariableDefinitionNode, value: unknown): Problem[] {
  const type = typeFromAST(schema, def.type);
  // An unknown or non-input type was already reported by validation.
  if (!type || !isInputType(type)) return [];
  const problems: Problem[] = [];
  coerceInputValue(value ?? null, type, (path, invalid, error) => problems.push(explain([...path], invalid, error)));
  return problems;
}

function variableError(def: VariableDefinitionNode, value: unknown, problems: Problem[]): GraphQLFormattedError {
  const fields = problems.filter((p) => p.path.length > 0).map((p) => `${p.path.join(".")} (${p.explanation})`);
  const base = `Variable $${def.variable.name.value} of type ${print(def.type)} was provided invalid value`;
  return {
    message: fields.length > 0 ? `${base} for ${fields.join(", ")}` : base,
    locations: def.loc ? [getLocation(def.loc.source, def.loc.start)] : undefined,
    extensions: { value: value ?? null, problems },
  };
}

/** One error per variable whose value does not fit its declared type; empty when the request may run. */
export function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLFormattedError[] {
  const errors: GraphQLFormattedError[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (!Object.hasOwn(variables, name) && def.defaultValue) continue;
    const problems = problemsOf(schema, def, variables[name]);
    if (problems.length > 0) errors.push(variableError(def, variables[name], problems));
  }
  return errors;
}
