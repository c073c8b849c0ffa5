import type { CookiesOptions } from "next-auth";

/** The session cookie's name over http (local use) and over https. */
export const SESSION_COOKIE = { http: "next-auth.session-token", https: "__Host-next-auth.session-token" } as const;

/**
 * next-auth's session cookie, for `authOptions.cookies` (next-auth keeps its defaults for the
 * others). Input: Factdesk's public address (NEXTAUTH_URL) or null. Output: the cookie's name
 * and attributes. Under https it is `__Host-next-auth.session-token`: browsers accept a
 * `__Host-` cookie only when it is Secure, for Path=/ and without a Domain, so neither a
 * subdomain nor a plain-http page can set or overwrite it. Under http it keeps the plain name
 * (a `__Host-` or Secure cookie would be refused there). Always HttpOnly and SameSite=Lax.
 */
export function sessionCookieOptions(publicUrl: string | null): Pick<CookiesOptions, "sessionToken"> {
  const https = publicUrl?.startsWith("https://") ?? false;
  return {
    sessionToken: {
      name: https ? SESSION_COOKIE.https : SESSION_COOKIE.http,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: https },
    },
  };
}
