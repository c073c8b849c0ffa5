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
  "POST /api/setup":
    "Creates the first admin and team, only with the one-time setup link `npm start` prints (256-bit token, stored hashed, 24 h) and only while no admin exists outside the demo desk.",
  "POST /api/invitations/accept":
    "Joins a team with an admin's invitation link (256-bit token, stored hashed, single use, expiring, bound to the invited address); an existing account must give its password; limited per address.",
  "POST /api/password-reset":
    "Forgot password: answers the same whether or not the address has an account, sends only to the account's own address, limited per client address and per account.",
  "POST /api/password-reset/complete":
    "Sets a new password only with a reset link mailed to the account (256-bit token, stored hashed, single use, 30 minutes, bound to that address).",
};
