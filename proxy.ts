import { NextResponse, type NextRequest } from "next/server";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { refuseBrokenAction, refuseUndecodablePath } from "@/lib/http/request-guards";

// Passes the requested path on to server components, so a page that finds no session can
// send the reader back here after sign-in, and marks /api/v1 requests with their method so
// requireApiUser can apply token scopes and the rate limit (a client-sent value is always
// replaced or removed). Authorization is not done here: every page, action and route
// handler checks the session itself.
// Requests Next would otherwise answer with a bare 500 (an undecodable path, a broken server
// action body) get a readable 4xx here (lib/http/request-guards.ts).
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refused = refuseUndecodablePath(pathname) ?? (await refuseBrokenAction(request));
  if (refused) return refused;
  const headers = new Headers(request.headers);
  if (pathname.startsWith("/api/v1/")) headers.set(API_METHOD_HEADER, request.method);
  else headers.delete(API_METHOD_HEADER);
  if (!pathname.startsWith("/api/")) headers.set("x-factdesk-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

// Every route but static assets: no request reaches a handler with a client-made method header.
export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
