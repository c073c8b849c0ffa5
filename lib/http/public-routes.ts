/**
 * The routes anyone may call without signing in, each with the reason it is safe. A route
 * built with `route({ auth: "public" })` must be listed here, and everything listed must be
 * public: lib/http/route-files.test.ts checks both, so opening a route is a visible decision.
 * Keys are "METHOD /path" with the folder names as they are on disk.
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  "GET /api/health": "Says whether the database answers; no data.",
  "GET /api/v1/openapi.json": "Describes the API; reveals nothing about any team.",
  "GET /api/oembed": "oEmbed for claims of published reports only (what /reports/{id} already shows anyone); anything else is a 404.",
  "GET /api/auth/[...nextauth]": "next-auth's own pages and endpoints (sign-in form data, CSRF token, session).",
  "POST /api/auth/[...nextauth]": "Signing in and out; credentials go through one strict parser and the sign-in limits first.",
};
