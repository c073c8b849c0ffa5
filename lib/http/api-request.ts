// Headers the proxy (proxy.ts) sets on requests to /api/v1, read by requireApiUser.
// The proxy always overwrites them, so a client cannot forge them.

/** The request's HTTP method; present only on requests that came through /api/v1. */
export const API_METHOD_HEADER = "x-factdesk-method";
/** Optional: which of the token user's teams to act in. */
export const API_TEAM_HEADER = "x-factdesk-team";

/**
 * The secret of an `Authorization: Bearer <secret>` header (scheme case-insensitive, surrounding spaces allowed),
 * or null when the header is missing or uses another scheme. "Bearer " with nothing after it gives "" (an invalid
 * token, not a missing one). Does not check the secret's format.
 */
export function bearerSecret(authorization: string | null): string | null {
  const match = authorization?.match(/^\s*Bearer\s+(\S*)\s*$/i);
  return match ? match[1]! : null;
}
