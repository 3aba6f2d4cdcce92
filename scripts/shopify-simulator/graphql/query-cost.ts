// Computes Shopify's query cost: scalars/enums 0, objects 1, connections 2 + size × item cost, mutations 10.
import {
  getNamedType,
  isCompositeType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type FieldNode,
} from "graphql";

export const MUTATION_COST = 10;

interface CostWalk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown> | null | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function intArg(w: CostWalk, field: FieldNode, name: string): number | undefined {
  const node: ValueNode | undefined = field.arguments?.find((a) => a.name.value === name)?.value;
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = w.variables[node.name.value];
    return typeof value === "number" ? value : undefined;
  }
  return undefined;
}

function connectionSize(w: CostWalk, field: FieldNode, data: Data, mode: "requested" | "actual"): number {
  if (mode === "actual") {
    for (const sel of field.selectionSet?.selections ?? []) {
      if (sel.kind !== Kind.FIELD || !["nodes", "edges"].includes(sel.name.value)) continue;
      const list = data?.[sel.alias?.value ?? sel.name.value];
      if (Array.isArray(list)) return list.length;
    }
    return 0;
  }
  return intArg(w, field, "first") ?? intArg(w, field, "last") ?? 0;
}

/** The cost of one item of a connection: its node (via `nodes` or `edges.node`), pageInfo is free. */
function connectionItemCost(w: CostWalk, type: GraphQLNamedType, set: SelectionSetNode | undefined): number {
  if (!set || !(isObjectType(type) || isInterfaceType(type))) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const def = type.getFields()[sel.name.value];
    if (!def) continue;
    const inner = getNamedType(def.type);
    if (sel.name.value === "nodes")
      cost = Math.max(cost, 1 + selectionSetCost(w, inner, sel.selectionSet, undefined, "requested"));
    if (sel.name.value === "edges") cost = Math.max(cost, connectionItemCost(w, inner, sel.selectionSet));
    if (sel.name.value === "node")
      cost = Math.max(cost, 1 + selectionSetCost(w, inner, sel.selectionSet, undefined, "requested"));
  }
  return cost;
}

function fieldCost(
  w: CostWalk,
  parent: GraphQLNamedType,
  field: FieldNode,
  data: Data,
  mode: "requested" | "actual",
): number {
  if (!(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const def = parent.getFields()[field.name.value];
  if (!def) return 0;
  const type = getNamedType(def.type);
  if (isLeafType(type)) return 0;
  const value = data?.[field.alias?.value ?? field.name.value];
  if (mode === "actual" && (value === null || value === undefined)) return 0;
  if (type.name.endsWith("Connection")) {
    const size = connectionSize(w, field, isRecord(value) ? value : undefined, mode);
    return 2 + size * connectionItemCost(w, type, field.selectionSet);
  }
  // A plain list of objects is charged like one object; Shopify prices lists by their connection instead.
  const child = Array.isArray(value) ? (value.find(isRecord) as Data) : isRecord(value) ? value : undefined;
  return 1 + selectionSetCost(w, type, field.selectionSet, child, mode);
}

function selectionSetCost(
  w: CostWalk,
  type: GraphQLNamedType,
  set: SelectionSetNode | undefined,
  data: Data,
  mode: "requested" | "actual",
): number {
  if (!set || !isCompositeType(type)) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      cost += fieldCost(w, type, sel, data, mode);
    } else {
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(sel.name.value) : sel;
      const condition = fragment?.typeCondition ? w.schema.getType(fragment.typeCondition.name.value) : type;
      if (fragment && condition) cost += selectionSetCost(w, condition, fragment.selectionSet, data, mode);
    }
  }
  return cost;
}

export interface QueryCostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
  variables: Record<string, unknown>;
}

/** Requested cost without data; actual cost when given the response data (connections sized by what came back). */
export function queryCost(input: QueryCostInput, data?: Record<string, unknown> | null): number {
  const w: CostWalk = {
    schema: input.schema,
    fragments: new Map(input.fragments.map((f) => [f.name.value, f])),
    variables: input.variables,
  };
  if (input.operation.operation === "mutation") {
    return (
      input.operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__"))
        .length * MUTATION_COST
    );
  }
  const root = input.schema.getQueryType();
  if (!root) return 0;
  return data === undefined
    ? selectionSetCost(w, root, input.operation.selectionSet, undefined, "requested")
    : selectionSetCost(w, root, input.operation.selectionSet, data, "actual");
}
