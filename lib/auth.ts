import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { config } from "@/lib/config";
import { forbidden, isDatabaseUnavailable, unauthorized } from "@/lib/http/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authenticateApiToken, requireTokenScope } from "@/lib/api-tokens/verify-token";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { API_METHOD_HEADER, API_TEAM_HEADER, bearerSecret } from "@/lib/http/api-request";
import { markLoginSucceeded } from "@/lib/users/login-attempts";
import { reservedSignIn } from "@/lib/users/reserved-sign-in";
import { sessionCookieOptions } from "@/lib/users/session-cookie";
import { loadSessionUser, type SessionUser } from "@/lib/users/session-user";
import { verifyCredentials } from "@/lib/users/sign-in";
import { ZSwitchTeam } from "@/lib/validation/team";

export type { SessionUser };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  cookies: sessionCookieOptions(config.publicUrl),
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    // A disabled account ending its session is expected, not worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") console.info("[auth] session ended: account disabled or removed");
      else console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // The limits have already counted this attempt, and read the credentials with the one
      // strict parser (lib/users/credentials-callback.ts): a locked account never reaches the
      // hash, and nothing reaches it without a counted attempt.
      async authorize() {
        const attempt = reservedSignIn();
        if (!attempt) return null;
        attempt.checked = true;
        const user = await verifyCredentials(attempt.email, attempt.password);
        if (user) await markLoginSucceeded(attempt.attemptId);
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.sub = user.id;
        token.checkedAt = 0;
      }
      // Switching team (TeamSwitcher posts { teamId } to /api/auth/session): re-read now;
      // loadSessionUser only honours a team the user really belongs to.
      const switchTo = trigger === "update" ? ZSwitchTeam.safeParse(session).data?.teamId : undefined;
      const due = switchTo !== undefined || Date.now() - (token.checkedAt ?? 0) >= config.sessionRecheckSeconds * 1000;
      if (!due || !token.sub) return token;
      let current: SessionUser | null;
      try {
        current = await loadSessionUser(token.sub, switchTo ?? token.teamId);
      } catch (err) {
        // A database outage must not sign everyone out; re-check once it is back.
        if (isDatabaseUnavailable(err)) return token;
        throw err;
      }
      // Throwing here makes next-auth clear the session cookie: the user is signed out.
      if (!current) throw new Error("Account disabled or removed");
      return { ...token, ...current, checkedAt: Date.now() };
    },
    async session({ session, token }) {
      return {
        ...session,
        user: {
          id: token.sub ?? "",
          email: token.email ?? "",
          name: token.name ?? "",
          teamId: token.teamId ?? null,
          teamName: token.teamName ?? null,
          role: token.role ?? null,
        },
      };
    },
  },
};

async function sessionUser(): Promise<SessionUser | null> {
  const session: Session | null = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

/**
 * For pages: the signed-in user from the session (re-checked against the database every
 * SESSION_RECHECK_SECONDS). Without a session it does not return: it redirects to /signin (Next's redirect,
 * which throws NEXT_REDIRECT), with a callbackUrl back to this page when the proxy passed the path.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) {
    const path = (await headers()).get("x-factdesk-path");
    redirect(path ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
  }
  return user;
}

/**
 * For route handlers and server actions: the signed-in user, or a 401 AppError.
 * Requests to /api/v1 (marked by the proxy with their method) may instead carry
 * `Authorization: Bearer fdk_…`: a token present but not valid is a 401 even when a session
 * cookie is there too, and a read token may only GET. Those requests are rate-limited per
 * token or per user; server actions never see tokens and are not counted.
 * `allowTokens: false` is for routes only a signed-in person may use (managing tokens).
 * @throws AppError 401 `unauthorized` without a session or with an invalid token; 403 for a token where
 * `allowTokens` is false or a read token on a write; 429 `too_many_requests` (with Retry-After, seconds) past
 * API_RATE_LIMIT_PER_MINUTE per token or API_SESSION_RATE_LIMIT_PER_MINUTE per session.
 */
export async function requireApiUser({ allowTokens = true }: { allowTokens?: boolean } = {}): Promise<SessionUser> {
  const requestHeaders = await headers();
  const method = requestHeaders.get(API_METHOD_HEADER);
  const viaApi = method !== null;
  const secret = viaApi ? bearerSecret(requestHeaders.get("authorization")) : null;
  if (secret !== null) {
    if (!allowTokens) throw forbidden("API tokens cannot be used here: sign in to Factdesk to manage your tokens.");
    const { tokenId, scope, user } = await authenticateApiToken({ secret, teamId: requestHeaders.get(API_TEAM_HEADER) });
    await enforceRateLimit(`token:${tokenId}`, config.apiRateLimitPerMinute, "one token");
    requireTokenScope(scope, method);
    return user;
  }
  const user = await sessionUser();
  if (!user) throw unauthorized();
  if (viaApi) await enforceRateLimit(`user:${user.id}`, config.apiSessionRateLimitPerMinute, "one signed-in session");
  return user;
}

export type TeamUser = SessionUser & { teamId: string; role: Role };

/**
 * The user with an active team (teamId and role set), optionally restricted to some roles. Synchronous: it reads
 * the session's role, so callers that must see a demotion at once read the membership row instead.
 * @throws AppError 403 `forbidden` when the user is in no team, or their role is not in `roles`.
 */
export function requireRole(user: SessionUser, roles?: readonly Role[]): TeamUser {
  if (!user.teamId || !user.role) throw forbidden("You are not a member of any team yet. Ask an admin to add you.");
  if (roles && !roles.includes(user.role)) throw forbidden();
  return user as TeamUser;
}
