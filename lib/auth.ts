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
import { enforceRateLimit, refuseOverLimit } from "@/lib/api/rate-limit";
import { API_METHOD_HEADER, API_TEAM_HEADER, bearerSecret } from "@/lib/http/api-request";
import { clientIp } from "@/lib/http/client-ip";
import { checkSession, endSession, SESSION_IDLE_SECONDS, startSession, type LiveSession } from "@/lib/sessions/sessions";
import { checkSecondFactor } from "@/lib/two-factor/second-factor";
import { refuseUntilEnrolled } from "@/lib/two-factor/must-enrol-sql";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "@/lib/two-factor/sign-in-errors";
import { markLoginSucceeded, releaseLoginAttempt } from "@/lib/users/login-attempts";
import { reservedSignIn } from "@/lib/users/reserved-sign-in";
import { sessionCookieOptions } from "@/lib/users/session-cookie";
import { loadSessionUser, type SessionUser } from "@/lib/users/session-user";
import { verifyCredentials } from "@/lib/users/sign-in";
import { ZSwitchTeam } from "@/lib/validation/team";
import { OIDC_PROVIDER_ID, oidcProviders } from "@/lib/sso/provider";
import { passwordSignInRefusal, resolveSsoSignIn, type SsoClaims } from "@/lib/sso/sso-sign-in";

export type { SessionUser };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  cookies: sessionCookieOptions(config.publicUrl),
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    // A disabled account ending its session is expected, not worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") console.info("[auth] session ended: signed out, revoked, idle or account disabled");
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
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      // The limits have already counted this attempt, and read the credentials with the one
      // strict parser (lib/users/credentials-callback.ts): a locked account never reaches the
      // hash, and nothing reaches it without a counted attempt. With two-factor on, a right
      // password without a code takes the attempt back and answers TWO_FACTOR_REQUIRED (the form
      // then asks for a code): neither a failure (a desk behind one address would lock itself
      // out) nor a success (which would wipe the failures wrong codes counted). A wrong, replayed
      // or used code leaves the attempt counted as failed, like a wrong password.
      async authorize() {
        const attempt = reservedSignIn();
        if (!attempt) return null;
        attempt.checked = true;
        const user = await verifyCredentials(attempt.email, attempt.password);
        if (!user) return null;
        // A team that signs in with SSO only: the right password is neither a failure nor a success.
        const ssoRefusal = await passwordSignInRefusal(user.id);
        if (ssoRefusal) {
          await releaseLoginAttempt(attempt.attemptId);
          throw new Error(ssoRefusal);
        }
        const second = await checkSecondFactor(user.id, attempt.code);
        if (second === "missing") {
          await releaseLoginAttempt(attempt.attemptId);
          throw new Error(TWO_FACTOR_REQUIRED);
        }
        if (second === "invalid") throw new Error(TWO_FACTOR_INVALID);
        await markLoginSucceeded(attempt.attemptId);
        return user;
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    // Single sign-on: the provider's verified address decides which Factdesk account signs in
    // (lib/sso/sso-sign-in.ts); the jwt callback below then starts a server-side session for it,
    // exactly as for a password sign-in. Password sign-ins were decided in authorize().
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const decided = await resolveSsoSignIn((profile ?? {}) as SsoClaims);
      if ("refused" in decided) return `${config.publicUrl ?? ""}/signin?error=${decided.refused}`;
      user.id = decided.userId;
      return true;
    },
    async jwt({ token, user, trigger, session }) {
      if (user) {
        const request = await headers();
        const started = await startSession({ userId: user.id, userAgent: request.get("user-agent"), ip: clientIp(request) });
        token.sub = user.id;
        token.sid = started.secret;
        token.checkedAt = 0;
      }
      // Every request: the session row must still be live and its user enabled (one indexed
      // query), so sign-out, a password change or reset, disabling or a lost role end it at
      // once on every instance. Cookies from before sessions had rows carry no sid: they end.
      if (!token.sub || !token.sid) throw new Error("Session ended");
      let live: LiveSession | null;
      try {
        live = await checkSession(token.sid, new Date(), { signingIn: Boolean(user) });
      } catch (err) {
        // A database outage must not sign everyone out; the check runs again once it is back.
        if (isDatabaseUnavailable(err)) return token;
        throw err;
      }
      if (!live || live.userId !== token.sub) throw new Error("Session ended");
      token.sessionId = live.id;
      token.mustEnrolTwoFactor = live.mustEnrolTwoFactor;
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
          sessionId: token.sessionId,
          mustEnrolTwoFactor: token.mustEnrolTwoFactor ?? false,
        },
      };
    },
  },
  events: {
    // Ends the session row, so a copy of the cookie stops working everywhere at once.
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};

async function sessionUser(): Promise<SessionUser | null> {
  const session: Session | null = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

const isAccountPath = (path: string | null) => path !== null && /^\/account(?:[/?#]|$)/.test(path);

/**
 * For pages: the signed-in user from the session (its row checked on every request, the user's teams and
 * roles re-read every SESSION_RECHECK_SECONDS). Without a session it does not return: it redirects to /signin
 * (Next's redirect, which throws NEXT_REDIRECT), with a callbackUrl back to this page when the proxy passed
 * the path. While a team requires two-factor of the user and it is not on, every page but /account
 * redirects to /account?two-factor=required.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await sessionUser();
  const path = (await headers()).get("x-factdesk-path");
  if (!user) redirect(path ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
  if (user.mustEnrolTwoFactor && !isAccountPath(path)) redirect("/account?two-factor=required");
  return user;
}

/**
 * For route handlers and server actions: the signed-in user, or a 401 AppError.
 * Requests to /api/v1 (marked by the proxy with their method) may instead carry
 * `Authorization: Bearer fdk_…`: a token present but not valid is a 401 even when a session
 * cookie is there too, and a read token may only GET. Those requests are rate-limited per
 * token or per user; server actions never see tokens and are not counted.
 * `allowTokens: false` is for routes only a signed-in person may use (managing tokens). `requestHeaders`: the
 * request's headers when the caller has them (route handlers), else read from Next's request scope.
 * While a team requires two-factor of the user (session or token alike) and it is not on, only reads through the
 * API pass, except with `allowWithoutTwoFactor` (setting two-factor up on the Account page): refuseUntilEnrolled.
 * @throws AppError 401 `unauthorized` without a session or with an invalid token; 403 for a token where
 * `allowTokens` is false or a read token on a write, and for a write by a session or token while a team requires
 * two-factor of its user; 429 `too_many_requests` (with Retry-After, seconds) past API_RATE_LIMIT_PER_MINUTE per
 * token or API_SESSION_RATE_LIMIT_PER_MINUTE per session.
 */
export async function requireApiUser({
  allowTokens = true,
  allowWithoutTwoFactor = false,
  requestHeaders,
}: { allowTokens?: boolean; allowWithoutTwoFactor?: boolean; requestHeaders?: Headers } = {}): Promise<SessionUser> {
  requestHeaders ??= await headers();
  const method = requestHeaders.get(API_METHOD_HEADER);
  const viaApi = method !== null;
  const secret = viaApi ? bearerSecret(requestHeaders.get("authorization")) : null;
  if (secret !== null) {
    if (!allowTokens) throw forbidden("API tokens cannot be used here: sign in to Factdesk to manage your tokens.");
    // The token, its user and teams, the rate-limit count and lastUsedAt: one statement (issue #21).
    const limit = config.apiRateLimitPerMinute;
    const { scope, user, rate, tokenId } = await authenticateApiToken({
      secret,
      teamId: requestHeaders.get(API_TEAM_HEADER),
      rateLimit: limit,
    });
    if (rate) refuseOverLimit(rate, "one token");
    requireTokenScope(scope, method);
    // The team's two-factor rule holds for a token as for a session: one who must enrol reads but does not write.
    refuseUntilEnrolled({ mustEnrolTwoFactor: user.mustEnrolTwoFactor, method, allowWithoutTwoFactor });
    return { ...user, apiTokenId: tokenId };
  }
  const user = await sessionUser();
  if (!user) throw unauthorized();
  if (viaApi) await enforceRateLimit(`user:${user.id}`, config.apiSessionRateLimitPerMinute, "one signed-in session");
  refuseUntilEnrolled({ mustEnrolTwoFactor: user.mustEnrolTwoFactor, method, allowWithoutTwoFactor });
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
