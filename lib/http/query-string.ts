import { AppError } from "@/lib/http/errors";
import { nonUtf8QueryProblem } from "@/lib/http/query-encoding";

/**
 * Refuses a request URL whose query string holds percent-encoded bytes that are not UTF-8 text (nonUtf8QueryProblem,
 * lib/http/query-encoding.ts), for route(): every route, whether it reads a query or not, before its query is read.
 * Behind scripts/serve.ts such a request never reaches a route (Next.js decodes the bytes as U+FFFD before a handler
 * sees the URL, so serve.ts checks the raw target); this catches it wherever the raw URL does reach one.
 * Input: the request's URL. Output: nothing.
 * @throws AppError 400 `bad_request` naming the first parameter whose value is not UTF-8 (or saying its name is not).
 */
export function refuseNonUtf8Query(url: string): void {
  const problem = nonUtf8QueryProblem(new URL(url).search);
  if (problem !== undefined) throw new AppError("bad_request", problem);
}
