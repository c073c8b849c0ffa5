import { config } from "@/lib/config";
import { ref, type JsonSchema } from "@/lib/api/openapi/json-schema";
import { operations, type Method, type Operation } from "@/lib/api/openapi/operations";
import { componentSchemas } from "@/lib/api/openapi/schemas";

// The header names of lib/http/idempotency.ts (not imported: that module is server-only).
const IDEMPOTENCY = "Idempotency-Key";
const REPLAYED = "Idempotent-Replayed";

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
    // Ids are the tokens Factdesk gives out (lib/validation/fields.ts ZId).
    schema: name === "number" ? { type: "integer", minimum: 1 } : { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
  }));
}

/**
 * Whether the operation's answer is tagged for conditional GETs: every GET answering 200 JSON through route(), whose
 * conditionalAnswer (lib/http/conditional.ts) adds a weak ETag and answers a matching If-None-Match with 304.
 */
const isConditional = (method: Method, op: Operation) =>
  method === "get" && op.ok.status === 200 && (op.ok.contentType ?? "application/json") === "application/json";

const etagHeader = {
  ETag: {
    description: 'A weak tag of this answer\'s bytes (`W/"…"`): send it back as If-None-Match to be told when nothing changed.',
    schema: { type: "string" },
  },
};

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
  if (op.idempotent) {
    out["409"] ??= { description: "", content: errorContent };
    (out["409"] as { description: string }).description = [
      op.extra?.["409"],
      "A request with the same Idempotency-Key is still running (retry after Retry-After seconds).",
    ]
      .filter(Boolean)
      .join(" Or: ");
    out["422"] = {
      description:
        "Invalid input (`error.fields` has a message per field), or the Idempotency-Key was used for a different request in the last 24 hours.",
      content: errorContent,
    };
  }
  for (const [status, description] of Object.entries(op.extra ?? {})) {
    if (STANDARD_ERRORS.has(status) || (op.idempotent && status === "409")) continue;
    out[status] = status.startsWith("2") ? { description } : { description, content: errorContent };
  }
  if (op.idempotent) {
    const replayed = {
      [REPLAYED]: {
        description: "`true` when this is the kept answer to an earlier request with the same Idempotency-Key.",
        schema: { type: "string", enum: ["true"] },
      },
    };
    const ok = out[String(op.ok.status)] as JsonSchema;
    ok.headers = replayed;
  }
  if (isConditional(method, op)) {
    (out["200"] as JsonSchema).headers = etagHeader;
    out["304"] = {
      description:
        "Not Modified: the answer is the one whose ETag you sent in If-None-Match. No body; the ETag (and the answer's Cache-Control) again.",
      headers: etagHeader,
    };
  }
  return out;
}

function operationObject(method: Method, path: string, op: Operation): JsonSchema {
  const auth = op.auth ?? "any";
  const teamHeader = auth === "any" ? [{ $ref: "#/components/parameters/TeamHeader" }] : [];
  const idempotencyHeader = op.idempotent ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [];
  const conditionalHeader = isConditional(method, op) ? [{ $ref: "#/components/parameters/IfNoneMatch" }] : [];
  const query = (op.query ?? []).map((q) => ({
    name: q.name,
    in: "query",
    required: q.required ?? false,
    description: q.description,
    schema: q.schema,
  }));
  return {
    operationId: `${method}${path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: SECURITY[auth],
    parameters: [...pathParameters(path), ...query, ...teamHeader, ...idempotencyHeader, ...conditionalHeader],
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
        "Creates take an optional `Idempotency-Key` header: a retry with the same key gets the first answer again and creates nothing (see the parameter).",
        "Text fields refuse NUL characters and broken (lone surrogate) characters, normalise line ends, and count lengths in characters (Unicode code points). Dates are `YYYY-MM-DD`, date-times ISO 8601 with an offset, both between the years 1800 and 2200.",
      ].join("\n\n"),
    },
    tags: ["Articles", "Claims", "Review", "Versions", "Export", "Publishing", "Live", "Me", "Team", "Tags", "Meta"].map((name) => ({
      name,
    })),
    paths,
    components: {
      schemas: componentSchemas,
      responses: errorResponses,
      parameters: {
        IdempotencyKey: {
          name: IDEMPOTENCY,
          in: "header",
          required: false,
          description:
            "Makes a retry safe: 1 to 255 visible ASCII characters (a UUID is typical), new for each thing you create. For 24 hours the same key with the same request (method, path, body) gets the first successful answer again, with `Idempotent-Replayed: true`, and creates nothing; the same key with a different request is a 422; while the first request is still running, a 409. Failed requests are not kept, so retrying them runs them again. Keys are per user.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        },
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description:
            "The ETag of an answer you already have (or several, comma-separated; `*` matches any). When the answer would be the same, it is 304 Not Modified with no body. Compared weakly; `Cache-Control: no-cache` on the request always gets the full answer. Checked after authentication and access, so a 304 tells nothing to someone who may not read the answer.",
          schema: { type: "string" },
        },
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
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session after signing in (`__Host-next-auth.session-token` when Factdesk is served over https).",
        },
      },
    },
  };
}
