import { NextResponse, type NextRequest } from "next/server";
import { finishResponse, planRequest } from "@/lib/http/proxy-plan";
import { refuseBrokenAction } from "@/lib/http/request-guards";

// What every request gets before a page, action or route handler sees it (lib/http/proxy-plan.ts,
// shared with the API fast lane in scripts/lib/fast-lane.ts): /api/v1 requests marked with their
// method (a client-sent value is always replaced or removed), pages told their path, a
// Content-Security-Policy with a fresh nonce on the request and the answer, HSTS under https.
// Authorization is not done here: every page, action and route handler checks the session itself.
// Requests Next would otherwise answer with a bare 500 (an undecodable path, a broken server
// action body) get a readable 4xx here instead (lib/http/request-guards.ts).
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const plan = planRequest({ pathname, search, method: request.method, headers: request.headers });
  const refused = plan.refused ?? (await refuseBrokenAction(request));
  return finishResponse(refused ?? NextResponse.next({ request: { headers: plan.requestHeaders } }), plan, refused !== null);
}

// Every route but static assets: no request reaches a handler with a client-made method header.
export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
