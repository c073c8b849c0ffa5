import { NextResponse, type NextRequest } from "next/server";
import { finishResponse, planRequest } from "@/lib/http/proxy-plan";
import { refuseBrokenAction } from "@/lib/http/request-guards";
import { config as settings } from "@/lib/config";
import { reissueSessionCookie } from "@/lib/sessions/reissue-cookie";
import { sessionCookieOptions } from "@/lib/users/session-cookie";

// What every request gets before a page, action or route handler sees it (lib/http/proxy-plan.ts,
// shared with the API fast lane in scripts/lib/fast-lane.ts): /api/v1 requests marked with their
// method (a client-sent value is always replaced or removed), pages told their path, a
// Content-Security-Policy with a fresh nonce on the request and the answer, HSTS under https.
// Authorization is not done here: every page, action and route handler checks the session itself.
// Requests Next would otherwise answer with a bare 500 (an undecodable path, a broken server
// action body) get a readable 4xx here instead (lib/http/request-guards.ts).
// GETs with a session cookie due its re-check (SESSION_RECHECK_SECONDS) get the cookie re-issued
// here (lib/sessions/reissue-cookie.ts): next-auth never writes it after sign-in, and server
// actions must not (any cookie an action writes makes Next re-fetch the page).
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const reissued = await reissueOnGet(request);
  const plan = planRequest({ pathname, search, method: request.method, headers: request.headers });
  const refused = plan.refused ?? (await refuseBrokenAction(request));
  const response = finishResponse(refused ?? NextResponse.next({ request: { headers: plan.requestHeaders } }), plan, refused !== null);
  if (reissued && !refused) response.cookies.set(reissued.name, reissued.value, reissued.options);
  return response;
}

/**
 * Page and route GETs only (never a server action's POST, nor next-auth's own /api/auth routes, nor a request that
 * carries an API token). The request then carries the new cookie too, so the page it reaches does not re-read the
 * user again.
 */
async function reissueOnGet(request: NextRequest) {
  if (request.method !== "GET" || request.nextUrl.pathname.startsWith("/api/auth/") || request.headers.has("authorization")) return null;
  const name = sessionCookieOptions(settings.publicUrl).sessionToken.name;
  const reissued = await reissueSessionCookie(request.cookies.get(name)?.value);
  if (reissued) request.cookies.set(reissued.name, reissued.value);
  return reissued;
}

// Every route but static assets: no request reaches a handler with a client-made method header.
export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
