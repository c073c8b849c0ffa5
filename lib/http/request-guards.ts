// Requests Next.js would answer with a bare 500 before any of our code runs, refused in
// proxy.ts with a readable 4xx instead:
// - a path whose percent-encoding is not UTF-8 ("/api/v1/claims/%C3%28"): Next's router fails
//   to decode it and its error page fails in turn;
// - a server-action POST whose body React could never have sent (not JSON) or that is larger
//   than Next accepts: Next's action handler throws while reading it, and the client gets an
//   error digest (500) or, past the limit, no message at all;
// - a server-action POST whose client hung up mid-body: reading it here threw (a 500 and an
//   error log for what is the client's doing).
// A real client never sends either, so these answers are JSON for whoever did.
import { NextResponse } from "next/server";
import { isClientAbort, REQUEST_ABORTED_MESSAGE } from "@/lib/http/errors";
import { mediaType } from "@/lib/http/media-type";
import { jsonDepth, MAX_JSON_DEPTH } from "@/lib/http/nesting";

/**
 * Largest server-action body, in bytes: next.config.js sets the same (serverActions.bodySizeLimit,
 * "3mb"); request-guards.test.ts keeps the two equal. The version editor's 2 MB of text fits.
 */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

const errorJson = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status });

/** 400 when the path's percent-encoding does not decode to UTF-8, else null. */
export function refuseUndecodablePath(pathname: string): NextResponse | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return errorJson(400, "bad_request", "The address is not valid: its %-encoded characters are not UTF-8. Check the link.");
  }
}

/**
 * The body's bytes, or `over` as soon as there are more than `limit` of them, or `aborted` when the client hung up
 * before the body ended (any other failure to read is thrown).
 */
async function readCapped(request: Request, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; over: boolean; aborted?: true }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  // The copy of the body Next hands proxy.ts never ends nor fails when the client hangs up (only node's request does),
  // so a read would wait for ever: the request's signal, aborted when the answer's socket closes, ends the wait.
  let onAbort = () => {};
  const abort = new Promise<"aborted">((resolve) => {
    onAbort = () => resolve("aborted");
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener("abort", onAbort, { once: true });
  });
  const aborted = () => {
    reader?.cancel().catch(() => {});
    return { bytes: new Uint8Array(0), over: false, aborted: true as const };
  };
  try {
    while (reader) {
      let chunk: ReadableStreamReadResult<Uint8Array> | "aborted";
      try {
        chunk = await Promise.race([reader.read(), abort]);
      } catch (err) {
        if (request.signal.aborted || isClientAbort(err)) return aborted();
        throw err;
      }
      if (chunk === "aborted") return aborted();
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { bytes: new Uint8Array(0), over: true };
      }
      chunks.push(value);
    }
  } finally {
    request.signal.removeEventListener("abort", onAbort);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, over: false };
}

const tooLarge = () =>
  errorJson(
    413,
    "payload_too_large",
    `The request is larger than ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB, the most a form can send. Send less at a time.`,
  );
const notAnAction = () =>
  errorJson(400, "bad_request", "This is not a request the Factdesk page sends: the body of a form action must be JSON or form data.");

/**
 * For a server-action POST (it carries a Next-Action header): 413 when the body is over
 * ACTION_BODY_LIMIT_BYTES (by Content-Length, or counted as it arrives), 400 when it is not
 * what React sends (JSON text, or well-formed multipart form data), 400 too when the client hung up
 * before the body ended (its doing: answered quietly, where a read that threw became Next's 500 and an
 * error log); null for every other request.
 */
export async function refuseBrokenAction(request: Request): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > ACTION_BODY_LIMIT_BYTES) return tooLarge();
  const { bytes, over, aborted } = await readCapped(request, ACTION_BODY_LIMIT_BYTES);
  if (aborted) return errorJson(400, "bad_request", REQUEST_ABORTED_MESSAGE);
  if (over) return tooLarge();
  const type = mediaType(request.headers.get("content-type"));
  if (type === "multipart/form-data") {
    const parsed = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData().then(
      () => true,
      () => false,
    );
    return parsed ? null : notAnAction();
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Checked before anything parses it: React's decoder walks the value once per level.
    const depth = jsonDepth(text, MAX_JSON_DEPTH);
    if (depth > MAX_JSON_DEPTH) {
      return errorJson(
        422,
        "unprocessable",
        `The form's data is nested more than ${MAX_JSON_DEPTH} levels deep. Reload the page and try again.`,
      );
    }
    JSON.parse(text);
    return null;
  } catch {
    return notAnAction();
  }
}
