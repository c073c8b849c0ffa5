import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

/**
 * The request body schema of a route, generated from the zod schema the route itself parses
 * with (its input side, z.toJSONSchema; dates as ISO 8601 date-time strings, anything JSON Schema cannot
 * express as `{}`), so the description cannot drift from what is enforced. `pathKeys` are fields the
 * route fills in from the URL (e.g. claimId), which are removed from `properties` and `required`.
 */
export function bodySchemaOf(schema: z.ZodType, pathKeys: string[] = []): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      // Dates arrive as ISO 8601 strings (z.coerce.date).
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "date") {
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  const properties = json.properties as Record<string, unknown> | undefined;
  if (properties) for (const key of pathKeys) delete properties[key];
  if (Array.isArray(json.required)) json.required = (json.required as string[]).filter((key) => !pathKeys.includes(key));
  return json;
}

/** A JSON Schema reference to `#/components/schemas/<name>` of the OpenAPI document (the name is not checked). */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
/** A JSON Schema for an array whose items all match `items`. */
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });
/** A JSON Schema (OpenAPI 3.1 style) for `schema` or null: `{ anyOf: [schema, { type: "null" }] }`. */
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
export const str: JsonSchema = { type: "string" };
export const int: JsonSchema = { type: "integer" };
export const bool: JsonSchema = { type: "boolean" };
export const dateTime: JsonSchema = { type: "string", format: "date-time" };

/**
 * A JSON Schema object whose listed properties are all required (responses always include every key, null
 * when empty), with an optional description. Extra properties are not forbidden.
 */
export function obj(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}
