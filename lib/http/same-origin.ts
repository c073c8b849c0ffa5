import { config } from "@/lib/config";
import { forbidden } from "@/lib/http/errors";

/**
 * Refuses (403) a request that a browser sent from another origin. Used for unsafe methods
 * authenticated by the session cookie, which the browser attaches whoever's page sends the
 * request (a page on another port of the same host is "same-site" but not same-origin).
 * Allowed: `Sec-Fetch-Site: same-origin`, or, from browsers without it, an `Origin` equal to
 * Factdesk's public address (NEXTAUTH_URL) or to the address the request was sent to.
 * A request with neither header is refused too: scripts use an API token, not a cookie.
 * Source: OWASP CSRF Prevention Cheat Sheet, "Fetch Metadata headers" and "Verifying origin".
 * Throws AppError("forbidden").
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin") return;
    throw crossOrigin();
  }
  const origin = request.headers.get("origin");
  if (origin !== null && allowedOrigins(request).has(origin)) return;
  throw crossOrigin();
}

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) origins.add(`${new URL(request.url).protocol}//${host}`);
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  return origins;
}

const crossOrigin = () =>
  forbidden("This change was sent from another site, so it was refused. Make it from Factdesk's own pages, or use an API token.");
