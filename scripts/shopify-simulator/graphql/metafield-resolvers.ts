// Resolves `metafieldsSet` (up to 25, all or nothing, Shopify's userErrors) and Customer.metafield.
import { z } from "zod";
import type { SimMetafield, SimMetafieldInput } from "../state/metafield-book.js";
import { requireScope, type GraphQLContext } from "./graphql-context.js";
import { toDateTime } from "./gid.js";
import type { ResolverArea } from "./root-fields.js";

export const METAFIELDS_SET_LIMIT = 25;

const inputSchema = z.object({
  ownerId: z.string(),
  namespace: z.string().nullish(),
  key: z.string(),
  value: z.string(),
  type: z.string().nullish(),
  compareDigest: z.string().nullish(),
});

interface MetafieldsSetUserError {
  field: string[] | null;
  message: string;
  code: string;
  elementIndex: number | null;
}

const valueChecks: Record<string, (value: string) => string | null> = {
  single_line_text_field: (v) => (v.includes("\n") ? "Value must be a single line of text." : null),
  multi_line_text_field: () => null,
  number_integer: (v) => (/^-?\d+$/.test(v) ? null : "Value must be an integer."),
  number_decimal: (v) => (/^-?\d+(\.\d+)?$/.test(v) ? null : "Value must be a decimal."),
  boolean: (v) => (v === "true" || v === "false" ? null : "Value must be true or false."),
  json: (v) => {
    try {
      JSON.parse(v);
      return null;
    } catch {
      return "Value is invalid JSON.";
    }
  },
};

export function metafieldView(metafield: SimMetafield) {
  return {
    id: `gid://shopify/Metafield/${metafield.id}`,
    namespace: metafield.namespace,
    key: metafield.key,
    value: metafield.value,
    type: metafield.type,
    ownerType: "CUSTOMER",
    createdAt: toDateTime(metafield.createdAt),
    updatedAt: toDateTime(metafield.updatedAt),
  };
}

function checkOne(ctx: GraphQLContext, raw: z.infer<typeof inputSchema>, index: number) {
  const errors: MetafieldsSetUserError[] = [];
  const fail = (field: string, code: string, message: string) =>
    errors.push({ field: ["metafields", String(index), field], code, message, elementIndex: index });
  const owner = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(raw.ownerId);
  if (!owner?.[1] || !ctx.store.findCustomer(ctx.shop.domain, Number(owner[1])))
    fail("ownerId", "INVALID", "Owner does not exist.");
  const namespace = raw.namespace ?? "$app";
  if (namespace.length < 3) fail("namespace", "TOO_SHORT", "Namespace is too short (minimum is 3 characters).");
  if (namespace.length > 255) fail("namespace", "TOO_LONG", "Namespace is too long (maximum is 255 characters).");
  if (raw.key.length < 2) fail("key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
  if (raw.key.length > 64) fail("key", "TOO_LONG", "Key is too long (maximum is 64 characters).");
  if (!/^[\w-]*$/.test(raw.key)) fail("key", "INVALID", "Key contains one or more invalid characters.");
  const check = raw.type ? valueChecks[raw.type] : undefined;
  if (!raw.type) fail("type", "BLANK", "Type can't be blank.");
  else if (!check) fail("type", "INVALID_TYPE", `Type '${raw.type}' is not a valid type.`);
  const valueError = check?.(raw.value);
  if (valueError) fail("value", "INVALID_VALUE", valueError);
  const input: SimMetafieldInput = {
    ownerGid: raw.ownerId,
    namespace,
    key: raw.key,
    type: raw.type ?? "",
    value: raw.value,
  };
  return { errors, input };
}

export const metafieldResolvers: ResolverArea = {
  mutation: {
    metafieldsSet: (args, ctx) => {
      requireScope(ctx, "metafieldsSet", "write_customers");
      const inputs = z.array(inputSchema).parse(args.metafields);
      if (inputs.length > METAFIELDS_SET_LIMIT) {
        const message = `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_LIMIT}.`;
        return {
          metafields: [],
          userErrors: [{ field: ["metafields"], code: "LESS_THAN_OR_EQUAL_TO", message, elementIndex: null }],
        };
      }
      const checked = inputs.map((raw, index) => checkOne(ctx, raw, index));
      const userErrors = checked.flatMap((entry) => entry.errors);
      // Atomic: one bad element and nothing is written.
      if (userErrors.length > 0) return { metafields: [], userErrors };
      const saved = ctx.store.metafields.setAll(
        ctx.shop.domain,
        checked.map((entry) => entry.input),
      );
      return { metafields: saved.map(metafieldView), userErrors: [] };
    },
  },
};
