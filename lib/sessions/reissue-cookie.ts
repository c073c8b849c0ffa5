import { decode, encode, type JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth";
import { config } from "@/lib/config";
import { SESSION_IDLE_SECONDS } from "@/lib/sessions/sessions";
import { sessionCookieOptions } from "@/lib/users/session-cookie";

/** A session cookie to set on the answer: next-auth's name and attributes, a new value and expiry. */
export type ReissuedCookie = {
  name: string;
  value: string;
  options: { httpOnly: boolean; sameSite: "lax"; path: string; secure: boolean; expires: Date };
};

/**
 * Re-issues the browser session cookie when its user and teams are due a re-read, so an active user's session
 * slides as the Session row does (README, Security / sessions: it ends after SESSION_IDLE_SECONDS without use).
 * next-auth never writes the cookie after sign-in under the App Router (`getServerSession(authOptions)` gets a
 * no-op setCookie), so without this the JWT's `exp` stays at sign-in + 12 h and `checkedAt` never advances.
 *
 * Input: the session cookie's value as the request carries it (or undefined), and the current time in ms (tests
 * move it). Output: null when there is nothing to do — no cookie, a cookie that does not decode (expired, foreign,
 * tampered), `checkedAt` younger than SESSION_RECHECK_SECONDS, a session that ended (sign-out, revocation,
 * disabled user: the page's own check then signs the user out), or a database outage (the jwt callback keeps the
 * token unchanged); else the new cookie: the token after `authOptions.callbacks.jwt` (which checks the Session row
 * and re-reads the user, memberships and teams) with `checkedAt` advanced, encoded by next-auth's own `encode` with
 * maxAge SESSION_IDLE_SECONDS, under next-auth's cookie name and attributes (lib/users/session-cookie.ts).
 * Runs at most once per SESSION_RECHECK_SECONDS per cookie, since the cookie it writes carries the new checkedAt.
 * Never throws for a bad cookie or an ended session; database errors other than an outage propagate.
 */
export async function reissueSessionCookie(value: string | undefined, now = Date.now()): Promise<ReissuedCookie | null> {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value || !secret) return null;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret });
  } catch {
    return null;
  }
  if (!token || now - (token.checkedAt ?? 0) < config.sessionRecheckSeconds * 1000) return null;
  const jwt = authOptions.callbacks?.jwt;
  if (!jwt) return null;
  let next: JWT;
  try {
    next = await jwt({ token, user: undefined as never, account: null });
  } catch {
    // The session ended: the page, action or route's own check answers for it.
    return null;
  }
  // A database outage leaves the token as it was: nothing was re-read, so nothing to re-issue.
  if ((next.checkedAt ?? 0) <= (token.checkedAt ?? 0)) return null;
  const { name, options } = sessionCookieOptions(config.publicUrl).sessionToken;
  return {
    name,
    value: await encode({ token: next, secret, maxAge: SESSION_IDLE_SECONDS }),
    options: { ...options, sameSite: "lax", expires: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000) },
  };
}
