import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

/**
 * The request body schema of a route, generated from the zod schema the route itself parses
 * with, so the description cannot drift from what is enforced. `pathKeys` are fields the
 * route fills in from the URL (e.g. claimId), which are not part of the body.
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

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
export const str: JsonSchema = { type: "string" };
export const int: JsonSchema = { type: "integer" };
export const bool: JsonSchema = { type: "boolean" };
export const dateTime: JsonSchema = { type: "string", format: "date-time" };

/** An object whose listed properties are all present (responses always include every key). */
export function obj(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: "object", ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}
