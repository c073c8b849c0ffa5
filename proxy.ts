import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { refuseBrokenAction, refuseUndecodablePath } from "@/lib/http/request-guards";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { EVIDENCE_FILE_CSP } from "@/lib/evidence/file-policy";

const EVIDENCE_FILE_PATH = /^\/api\/v1\/evidence\/[^/]+\/file$/;

// Passes the requested path on to server components, so a page that finds no session can
// send the reader back here after sign-in, and marks /api/v1 requests with their method so
// requireApiUser can apply token scopes and the rate limit (a client-sent value is always
// replaced or removed). Authorization is not done here: every page, action and route
// handler checks the session itself.
// Every response gets a Content-Security-Policy with a fresh nonce: set on the request too,
// Next.js reads the nonce from it and puts it on the scripts it renders (which is why every
// page renders per request), and HSTS when Factdesk is served over https.
// Requests Next would otherwise answer with a bare 500 (an undecodable path, a broken server
// action body) get a readable 4xx here instead (lib/http/request-guards.ts).
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = settings.publicUrl?.startsWith("https://") ?? false;
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    https,
    dev: process.env.NODE_ENV === "development",
    embeddable: pathname.startsWith("/embed/"),
  });
  const refused = refuseUndecodablePath(pathname) ?? (await refuseBrokenAction(request));
  const headers = new Headers(request.headers);
  if (pathname.startsWith("/api/v1/")) headers.set(API_METHOD_HEADER, request.method);
  else headers.delete(API_METHOD_HEADER);
  if (!pathname.startsWith("/api/")) headers.set("x-factdesk-path", `${pathname}${search}`);
  headers.set("content-security-policy", csp);
  const response = refused ?? NextResponse.next({ request: { headers } });
  if (refused) response.headers.set("Cache-Control", "no-store");
  // Files people attached as evidence are served in a sandbox with nothing allowed (lib/evidence/files.ts).
  response.headers.set("Content-Security-Policy", EVIDENCE_FILE_PATH.test(pathname) ? EVIDENCE_FILE_CSP : csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Every route but static assets: no request reaches a handler with a client-made method header.
export const config = { matcher: ["/((?!_next/|favicon.ico).*)"] };
