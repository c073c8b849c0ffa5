// HTTP conditional GETs for the API's JSON answers (RFC 9110 §13.1.2, If-None-Match): a client that
// polls sends the ETag it was given and gets 304 Not Modified, without the body, while nothing changed.
// Issue #21. The tag is computed from the answer's bytes, so it changes exactly when they do
// (whatever changed them: the article, a tag, a claim, the reader's role), and it needs no version
// bookkeeping in the data layer.
import etag from "etag";
import fresh from "fresh";
import { jsonBodyOf } from "@/lib/http/respond";

const CONDITIONAL_METHODS = new Set(["GET", "HEAD"]);

/**
 * Adds a weak ETag to a 200 JSON answer (made by jsonResponse) of a GET or HEAD, and answers 304 Not Modified
 * instead when the request's If-None-Match names that tag (weak comparison; `*` matches; a request sent with
 * `Cache-Control: no-cache` always gets the full answer — the rules of the `fresh` package, as Express applies
 * them). The 304 carries the ETag and the answer's Cache-Control, no body. Any other request or answer is
 * returned unchanged. Input: the request and the route's answer; output: the answer to send. Never throws.
 * Runs after auth and access checks (route()), so a 304 tells nothing to someone who may not read the answer.
 */
export function conditionalAnswer(request: Request, response: Response): Response {
  if (response.status !== 200 || !CONDITIONAL_METHODS.has(request.method)) return response;
  const body = jsonBodyOf(response);
  if (body === undefined) return response;
  const tag = etag(body, { weak: true });
  const cacheControl = response.headers.get("cache-control");
  const ifNoneMatch = request.headers.get("if-none-match");
  if (
    ifNoneMatch !== null &&
    fresh({ "if-none-match": ifNoneMatch, "cache-control": request.headers.get("cache-control") ?? undefined }, { etag: tag })
  ) {
    const headers = new Headers({ ETag: tag });
    if (cacheControl !== null) headers.set("Cache-Control", cacheControl);
    return new Response(null, { status: 304, headers });
  }
  response.headers.set("ETag", tag);
  return response;
}
