// What Factdesk does to every request before a route sees it, and to the answer: one function
// for both ways a request can arrive. proxy.ts (Next.js's proxy) calls it for everything Next
// routes; scripts/lib/fast-lane.ts calls it for the API-token requests it answers without
// Next's routing (issue #21). Keeping it in one place is what keeps the two identical.
import type { NextResponse } from "next/server";
import { config as settings } from "@/lib/config";
import { EVIDENCE_FILE_CSP } from "@/lib/evidence/file-policy";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { refuseUndecodablePath } from "@/lib/http/request-guards";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

const EVIDENCE_FILE_PATH = /^\/api\/v1\/evidence\/[^/]+\/file$/;

export type ProxyPlan = {
  /** A readable 400 for a path Next could not decode, or null to go on. */
  refused: NextResponse | null;
  /** The request's headers as the route must see them. */
  requestHeaders: Headers;
  /** Headers every answer gets (Content-Security-Policy, HSTS under https). */
  responseHeaders: [string, string][];
};

/**
 * Plans one request. Input: its path (not decoded), query string ("" or "?…"), method and headers as the client
 * sent them. Output (see ProxyPlan): under /api/v1/ the request carries its method in API_METHOD_HEADER (a client-
 * sent value is replaced; elsewhere it is removed), so requireApiUser can apply token scopes and the rate limit;
 * pages get the path in x-factdesk-path (sign-in sends the reader back there); every request carries the
 * Content-Security-Policy with a fresh nonce (Next.js puts the nonce on the scripts it renders). Answers get that
 * CSP (evidence files: one that allows nothing, lib/evidence/file-policy.ts) and HSTS when NEXTAUTH_URL is https.
 * An undecodable path is refused here (lib/http/request-guards.ts). `headers` is copied, unless `ownHeaders` says the
 * caller made it for this request alone (the fast lane builds it from node's request): then it is changed in place
 * and returned as `requestHeaders`, one copy fewer per request. Never throws.
 */
export function planRequest({
  pathname,
  search,
  method,
  headers,
  ownHeaders = false,
}: {
  pathname: string;
  search: string;
  method: string;
  headers: Headers;
  ownHeaders?: boolean;
}): ProxyPlan {
  const https = settings.publicUrl?.startsWith("https://") ?? false;
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    https,
    dev: process.env.NODE_ENV === "development",
    embeddable: pathname.startsWith("/embed/"),
  });
  const requestHeaders = ownHeaders ? headers : new Headers(headers);
  if (pathname.startsWith("/api/v1/")) requestHeaders.set(API_METHOD_HEADER, method);
  else requestHeaders.delete(API_METHOD_HEADER);
  if (!pathname.startsWith("/api/")) requestHeaders.set("x-factdesk-path", `${pathname}${search}`);
  requestHeaders.set("content-security-policy", csp);
  const responseHeaders: [string, string][] = [["Content-Security-Policy", EVIDENCE_FILE_PATH.test(pathname) ? EVIDENCE_FILE_CSP : csp]];
  if (https) responseHeaders.push(["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY]);
  return { refused: refuseUndecodablePath(pathname), requestHeaders, responseHeaders };
}

/**
 * Puts the plan's answer headers on `response` (changed in place and returned). A refusal made before any route
 * ran (`refused`) is also marked `Cache-Control: no-store`; a route's answer keeps the Cache-Control it chose.
 */
export function finishResponse<R extends Response>(response: R, plan: ProxyPlan, refused: boolean): R {
  if (refused) response.headers.set("Cache-Control", "no-store");
  for (const [name, value] of plan.responseHeaders) response.headers.set(name, value);
  return response;
}
