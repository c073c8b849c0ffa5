import "server-only";
import { createHash } from "node:crypto";
import type { NextResponse } from "next/server";
import type { z } from "zod";
import { requireApiUser, requireRole, type SessionUser, type TeamUser } from "@/lib/auth";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import { IDEMPOTENCY_HEADER, idempotentResponse, readIdempotencyKey } from "@/lib/http/idempotency";
import { hashBody } from "@/lib/idempotency/keys";
import { charsetParameter, mediaType, namesUtf8, printableLabel } from "@/lib/http/media-type";
import { refuseDeepJson } from "@/lib/http/nesting";
import { refuseNonUtf8Query } from "@/lib/http/query-string";
import { conditionalAnswer } from "@/lib/http/conditional";
import { errorResponse, jsonResponse, MAX_JSON_BYTES, noStoreByDefault, readBytes } from "@/lib/http/respond";
import { requireSameOrigin } from "@/lib/http/same-origin";
import { parseInput } from "@/lib/validation/parse";

/**
 * Who may call a route:
 * - `user`: a signed-in session, or (under /api/v1) an API token acting for its user;
 * - `session`: a signed-in person only, never a token (managing tokens, account settings);
 * - `public`: anyone; the route must also be listed in PUBLIC_ROUTES (lib/http/public-routes.ts).
 */
export type RouteAuth = "user" | "session" | "public";

type AnyObject = z.ZodType<Record<string, unknown>>;

/** A raw text body (files, JSON-LD documents): read with a byte cap, media type checked. */
export type TextBody = { text: { maxBytes: number; contentTypes: readonly string[] } };
/** A raw binary body (uploads): read with a byte cap, media type checked; the handler gets a Buffer. */
export type BytesBody = { bytes: { maxBytes: number; contentTypes: readonly string[] } };

export type RouteSpec = {
  auth: RouteAuth;
  /** Requires an active team; with roles, one of them (403 otherwise). */
  team?: true | readonly Role[];
  /** Path parameters (`[id]` folders), parsed before the handler runs (422 on failure). */
  params?: AnyObject;
  /** Query string as an object of strings (the first value of a repeated key is refused). */
  query?: AnyObject;
  /** A JSON body (`application/json` only, at most MAX_JSON_BYTES), or a raw text or binary body. */
  body?: z.ZodType | TextBody | BytesBody;
  /**
   * A create that honours `Idempotency-Key` (lib/http/idempotency.ts): a retry with the same key
   * and body gets the first successful answer again (`Idempotent-Replayed: true`) and creates
   * nothing. Not for public routes, nor for answers that carry a secret shown once.
   */
  idempotent?: true;
};

type UserFor<S extends RouteSpec> = S["auth"] extends "public" ? null : S["team"] extends true | readonly Role[] ? TeamUser : SessionUser;
type Parsed<T> = T extends z.ZodType ? z.output<T> : T extends TextBody ? string : T extends BytesBody ? Buffer : undefined;

export type RouteInput<S extends RouteSpec> = {
  request: Request;
  user: UserFor<S>;
  params: Parsed<S["params"]>;
  query: Parsed<S["query"]>;
  body: Parsed<S["body"]>;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((request: Request, context: NextContext) => Promise<Response>) & { readonly routeSpec: RouteSpec };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export { mediaType };

function requireContentType(request: Request, allowed: readonly string[]): void {
  const type = mediaType(request.headers.get("content-type"));
  if (!allowed.includes(type)) {
    throw new AppError("unsupported_media_type", `Send the body as ${allowed.join(" or ")}${type ? `, not ${type}` : ""}.`);
  }
}

/**
 * The body's bytes as UTF-8 text, the only encoding JSON has (RFC 8259 §8.1); a leading byte order mark is dropped.
 * Attack 27: bytes that were not UTF-8 (a Latin-1 "café", a UTF-16 body) were decoded with U+FFFD in place of each
 * broken character and saved that way (201); now they are refused, and nothing is saved.
 * @throws AppError 415 when Content-Type names another charset; 400 when the bytes are not UTF-8.
 */
function utf8Text(request: Request, bytes: Uint8Array): string {
  // Any label the Encoding standard maps to UTF-8, quoted or not (a quoted ' utf-8 ' was refused with 415).
  const charset = charsetParameter(request.headers.get("content-type") ?? "");
  if (charset !== undefined && !namesUtf8(charset)) {
    throw new AppError("unsupported_media_type", `Send the body as UTF-8, not ${printableLabel(charset) || "an empty charset"}.`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8 text. Send JSON encoded as UTF-8.");
  }
}

/** The body as text (media type, size and UTF-8 checked), or undefined when the route takes none or bytes. */
async function readBodyText(request: Request, spec: RouteSpec["body"]): Promise<string | undefined> {
  if (!spec || "bytes" in spec) return undefined;
  if ("text" in spec) {
    requireContentType(request, spec.text.contentTypes);
    return utf8Text(request, await readBytes(request, spec.text.maxBytes));
  }
  requireContentType(request, ["application/json"]);
  return utf8Text(request, await readBytes(request, MAX_JSON_BYTES));
}

/** A binary body's bytes, its media type and size checked. */
async function readBodyBytes(request: Request, spec: BytesBody): Promise<Buffer> {
  requireContentType(request, spec.bytes.contentTypes);
  return readBytes(request, spec.bytes.maxBytes);
}

function parseBody(text: string | undefined, spec: RouteSpec["body"]): unknown {
  if (!spec || text === undefined || "text" in spec || "bytes" in spec) return text;
  refuseDeepJson(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
  return parseInput(spec as z.ZodType, json);
}

function readQuery(request: Request, schema: AnyObject): unknown {
  const search = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    if (values.length > 1) throw new AppError("bad_request", `Give "${key}" once in the query string.`);
    query[key] = values[0]!;
  }
  return parseInput(schema, query);
}

async function authenticate(request: Request, spec: RouteSpec): Promise<SessionUser | TeamUser | null> {
  if (spec.auth === "public") return null;
  const bearer = /^\s*bearer\s/i.test(request.headers.get("authorization") ?? "");
  // A cookie rides along on any request the browser makes, whoever's page made it; a token does not.
  if (UNSAFE.has(request.method) && !bearer) requireSameOrigin(request);
  const user = await requireApiUser({ allowTokens: spec.auth === "user", requestHeaders: request.headers });
  if (!spec.team) return user;
  return requireRole(user, spec.team === true ? undefined : spec.team);
}

/**
 * Builds a route handler. The one way to write one (lib/http/route-files.test.ts walks app/
 * and fails on a handler built any other way): it authenticates as `spec.auth` says, refuses
 * cookie-authenticated unsafe requests from another origin (403), checks the body's media type
 * (415), refuses a query string whose percent-encoded bytes are not UTF-8 (400, lib/http/query-string.ts),
 * then parses params, query and body with zod (422 with field errors, 400 for bad JSON,
 * 413 past the size cap) before `handler` runs. Whatever the handler throws becomes
 * `{ error: { code, message, fields? } }` with the AppError's status (500 only for bugs, logged).
 * The handler returns a Response, or a value that is sent as JSON with status 200; either way
 * it is sent with `Cache-Control: no-store` unless the handler set a Cache-Control of its own. A JSON answer (200) to
 * a GET or HEAD carries a weak ETag, and a request whose If-None-Match names it gets 304 with no body
 * (lib/http/conditional.ts).
 * With `spec.idempotent`, a request carrying `Idempotency-Key` runs at most once per key (see RouteSpec).
 */
export function route<S extends RouteSpec>(spec: S, handler: (input: RouteInput<S>) => Promise<Response | object>): RouteHandler {
  const run = async (request: Request, context: NextContext): Promise<Response> => {
    try {
      const user = await authenticate(request, spec);
      // Every route, whether it reads a query or not: bytes that are not UTF-8 would be read as U+FFFD.
      refuseNonUtf8Query(request.url);
      const rawParams = spec.params ? await context.params : undefined;
      const params = spec.params ? parseInput(spec.params, rawParams) : undefined;
      const query = spec.query ? readQuery(request, spec.query) : undefined;
      const bytes = spec.body && "bytes" in spec.body ? await readBodyBytes(request, spec.body) : undefined;
      const text = await readBodyText(request, spec.body);
      const body = bytes ?? parseBody(text, spec.body);
      const respond = async () => {
        const result = await handler({ request, user, params, query, body } as RouteInput<S>);
        return noStoreByDefault(result instanceof Response ? result : jsonResponse(result));
      };
      const key = spec.idempotent && user ? readIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER)) : null;
      if (!user || key === null) return conditionalAnswer(request, await respond());
      const path = new URL(request.url).pathname;
      return noStoreByDefault(
        await idempotentResponse(
          {
            userId: user.id,
            key,
            method: request.method,
            path,
            bodyHash: bytes ? createHash("sha256").update(bytes).digest("hex") : hashBody(text ?? ""),
          },
          respond,
        ),
      );
    } catch (err) {
      return noStoreByDefault(errorResponse(err));
    }
  };
  return Object.assign(run, { routeSpec: spec });
}

/** JSON with a status other than 200 (e.g. 201 Created), and optional headers. */
export function json(data: unknown, status = 200, headers?: HeadersInit): NextResponse {
  return jsonResponse(data, status, headers);
}
