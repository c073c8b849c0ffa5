import { NextResponse } from "next/server";
import { AppError, isClientAbort, requestAborted, toAppError } from "@/lib/http/errors";
import { refuseDeepJson } from "@/lib/http/nesting";

/**
 * Where a JSON answer made by jsonResponse keeps its body as the UTF-8 bytes it was serialised to, so that a server
 * can write it in one piece instead of reading the Response's stream (scripts/lib/fast-lane.ts) and the ETag is
 * hashed from them (lib/http/conditional.ts); issue #21. A registered symbol: the lane runs outside the build's module
 * graph and must see the same key.
 */
export const JSON_BODY = Symbol.for("factdesk.jsonBody");

/** The body bytes of a response made by jsonResponse, or undefined for any other response. */
export function jsonBodyOf(response: Response): Buffer | undefined {
  const body = (response as Response & { [JSON_BODY]?: unknown })[JSON_BODY];
  return Buffer.isBuffer(body) ? body : undefined;
}

/**
 * `data` as a JSON answer: the same bytes and `Content-Type: application/json` as NextResponse.json, serialised
 * and encoded once, the Response built once (NextResponse.json builds a Response and then a second one around its
 * stream; a string body is also scanned for lone surrogates, bytes are not), with the bytes kept under JSON_BODY.
 * Input: any JSON-serialisable value, the status (default 200) and extra headers (a Content-Type among them wins).
 * @throws TypeError when `data` is not serialisable (undefined, a function), as NextResponse.json does.
 */
export function jsonResponse(data: unknown, status = 200, headers?: HeadersInit): NextResponse {
  const text: string | undefined = JSON.stringify(data);
  if (text === undefined) throw new TypeError("Value is not JSON serializable");
  const bytes = Buffer.from(text, "utf8");
  const all = new Headers(headers);
  if (!all.has("content-type")) all.set("content-type", "application/json");
  const response = new NextResponse(bytes as Uint8Array<ArrayBuffer>, { status, headers: all });
  Object.defineProperty(response, JSON_BODY, { value: bytes });
  return response;
}

/**
 * The JSON answer for a failure: `{ error: { code, message, fields? } }` with the AppError's HTTP status
 * (see toAppError for values that are not AppErrors) and its headers (e.g. Retry-After), plus `headers`,
 * which win on a clash. Never throws.
 */
export function errorResponse(err: unknown, headers?: HeadersInit): NextResponse {
  const appError: AppError = toAppError(err);
  return jsonResponse(
    { error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } },
    appError.status,
    { ...appError.headers, ...Object.fromEntries(new Headers(headers)) },
  );
}

/**
 * `Cache-Control: no-store` unless the route chose its own (the public OpenAPI document, event
 * streams): API answers are one person's data, and some carry a secret shown only once (a new
 * token, a generated password). Input and output: the route's response (a copy when its
 * headers cannot be changed, as on Response.redirect()).
 */
export function noStoreByDefault(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

// JSON bodies: an imported article (2 MB of text) with JSON escaping fits with room to spare.
export const MAX_JSON_BYTES = 6 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads the body's bytes, stopping as soon as they pass `maxBytes`, whatever Content-Length said (a chunked
 * upload has none), so a huge body is never held in memory. No body reads as an empty array.
 * @throws AppError 413 `payload_too_large` when Content-Length or the bytes actually received exceed `maxBytes`;
 * requestAborted()'s 400 when the client hung up before the body ended.
 */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  return (await readBytes(request, maxBytes)).toString("utf8");
}

/**
 * Reads a request body of at most `maxBytes` bytes as bytes (uploads), stopping as soon as more arrive.
 * @throws AppError 413 `payload_too_large` when Content-Length or the bytes actually received exceed `maxBytes`;
 * requestAborted()'s 400 when the client hung up before the body ended (the client's doing: not logged as a fault).
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError("payload_too_large", `The request body is larger than ${megabytes(maxBytes)}. Send less at a time.`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      if (request.signal.aborted || isClientAbort(err)) throw requestAborted();
      throw err;
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads and parses a JSON body of at most `maxBytes` bytes (default MAX_JSON_BYTES, 6 MiB). Returns the parsed
 * value unchecked (`unknown`): validate it with parseInput.
 * @throws AppError 413 `payload_too_large` past `maxBytes`; 400 `bad_request` when the body is not valid JSON
 * (an empty body included); 422 `unprocessable` when it is nested deeper than MAX_JSON_DEPTH (checked before parsing).
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readText(request, maxBytes);
  refuseDeepJson(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
}
