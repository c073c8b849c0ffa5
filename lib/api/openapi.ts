import { config } from "@/lib/config";
import { ref, type JsonSchema } from "@/lib/api/openapi/json-schema";
import { operations, type Method, type Operation } from "@/lib/api/openapi/operations";
import { componentSchemas } from "@/lib/api/openapi/schemas";

const errorContent = { "application/json": { schema: ref("Error") } };
const errorResponses: Record<string, JsonSchema> = {
  BadRequest: { description: "The body is not valid JSON.", content: errorContent },
  PayloadTooLarge: { description: "The body is larger than the route accepts (said in the message).", content: errorContent },
  Unauthorized: { description: "No session and no token, or the token is unknown, revoked or expired.", content: errorContent },
  Forbidden: { description: "Your role does not allow this, or a read-only token tried to write.", content: errorContent },
  NotFound: { description: "Not found, or not in your team (the two look the same).", content: errorContent },
  Unprocessable: { description: "Invalid input: `error.fields` has a message per field.", content: errorContent },
  TooManyRequests: {
    description: "Over the rate limit for this minute.",
    headers: { "Retry-After": { description: "Seconds until the next window.", schema: { type: "integer" } } },
    content: errorContent,
  },
};
const STANDARD_ERRORS = new Set(["400", "401", "403", "404", "413", "422", "429"]);

const SECURITY = {
  any: [{ bearerToken: [] }, { sessionCookie: [] }],
  session: [{ sessionCookie: [] }],
  public: [],
} as const;

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "number" ? { type: "integer", minimum: 1 } : { type: "string" },
  }));
}

function responsesFor(method: Method, path: string, op: Operation): Record<string, JsonSchema> {
  const auth = op.auth ?? "any";
  const out: Record<string, JsonSchema> = {
    [String(op.ok.status)]: {
      description: op.ok.description,
      ...(op.ok.schema ? { content: { [op.ok.contentType ?? "application/json"]: { schema: op.ok.schema } } } : {}),
    },
  };
  const refTo = (name: string) => ({ $ref: `#/components/responses/${name}` });
  if (op.body) out["400"] = refTo("BadRequest");
  if (op.body) out["413"] = refTo("PayloadTooLarge");
  if (auth !== "public") out["401"] = refTo("Unauthorized");
  if (method !== "get" || auth === "session" || op.extra?.["403"]) out["403"] = refTo("Forbidden");
  if (path.includes("{")) out["404"] = refTo("NotFound");
  if (op.body || op.query || op.extra?.["422"]) out["422"] = refTo("Unprocessable");
  if (auth !== "public") out["429"] = refTo("TooManyRequests");
  for (const [status, description] of Object.entries(op.extra ?? {})) {
    if (STANDARD_ERRORS.has(status)) continue;
    out[status] = status.startsWith("2") ? { description } : { description, content: errorContent };
  }
  return out;
}

function operationObject(method: Method, path: string, op: Operation): JsonSchema {
  const auth = op.auth ?? "any";
  const teamHeader = auth === "any" ? [{ $ref: "#/components/parameters/TeamHeader" }] : [];
  const query = (op.query ?? []).map((q) => ({ name: q.name, in: "query", required: q.required ?? false, description: q.description, schema: q.schema }));
  return {
    operationId: `${method}${path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: SECURITY[auth],
    parameters: [...pathParameters(path), ...query, ...teamHeader],
    ...(op.body ? { requestBody: { required: true, content: { [op.bodyContentType ?? "application/json"]: { schema: op.body } } } } : {}),
    responses: responsesFor(method, path, op),
  };
}

/**
 * The OpenAPI 3.1 description of /api/v1 as a plain JSON object, built from the operation table and the zod
 * schemas the routes parse with (so it cannot drift from them); the rate limits it states are read from the
 * environment (config) at call time. Pure apart from that; never throws.
 */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const [path, methods] of Object.entries(operations)) {
    const item: JsonSchema = {};
    for (const [method, op] of Object.entries(methods) as [Method, Operation][]) item[method] = operationObject(method, path, op);
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Factdesk API",
      version: "1",
      description: [
        "Fact-check annotation: articles, claims, verdicts, evidence, review, versions and exports.",
        "Authenticate with a personal API token (`Authorization: Bearer fdk_…`, created under API tokens in the app) or a browser session.",
        "Tokens obey the same roles and team scoping as the person who created them; a read token may only GET.",
        `Rate limit: ${config.apiRateLimitPerMinute} requests a minute per token, ${config.apiSessionRateLimitPerMinute} per signed-in session; over it the answer is 429 with Retry-After.`,
        "Errors answer `{ error: { code, message, fields? } }`. Something outside your team answers 404, exactly like something that does not exist.",
      ].join("\n\n"),
    },
    tags: ["Articles", "Claims", "Review", "Versions", "Export", "Publishing", "Live", "Me", "Team", "Meta"].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas,
      responses: errorResponses,
      parameters: {
        TeamHeader: {
          name: "X-Factdesk-Team",
          in: "header",
          required: false,
          description: "Tokens only: act in this one of your teams instead of your first team. A team you are not in answers 404.",
          schema: { type: "string" },
        },
      },
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, `fdk_` followed by 43 characters." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in (`__Host-next-auth.session-token` when Factdesk is served over https)." },
      },
    },
  };
}
