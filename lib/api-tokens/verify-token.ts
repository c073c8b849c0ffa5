import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { TokenScope } from "@/lib/generated/prisma/enums";
import { toSessionUser, type SessionUser, type SessionUserRow } from "@/lib/users/session-user";
import { hashTokenSecret, looksLikeTokenSecret } from "@/lib/api-tokens/secret";
import { tokenStatus } from "@/lib/api-tokens/dto";
import { countedRequest, windowStartOf, type RateLimitResult } from "@/lib/api/rate-limit";
import { mustEnrolTwoFactorSql } from "@/lib/two-factor/must-enrol-sql";

/** lastUsedAt is for people ("used 3 minutes ago"): writing it once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;
const READ_METHODS = new Set(["GET", "HEAD"]);

export const READ_ONLY_TOKEN_MESSAGE = "This token can only read. Create a read-write token to make changes.";

/**
 * The 401 (`unauthorized`) for every unusable token: unknown, mistyped, revoked, expired, or a disabled
 * account. One answer for all of them, so the API is no oracle. Returns the AppError for the caller to throw.
 */
export const invalidToken = () =>
  new AppError(
    "unauthorized",
    "This API token is not valid: it is unknown, revoked or expired. Create a new one under API tokens in Factdesk.",
  );

export type TokenUser = { tokenId: string; scope: TokenScope; user: SessionUser; rate: RateLimitResult | null };

/**
 * Who a bearer token acts for, loaded like a session user (same roles, same team scoping, and `mustEnrolTwoFactor` from
 * the same rule a session reads: lib/two-factor/must-enrol-sql.ts; the caller refuses writes with refuseUntilEnrolled).
 * `teamId` picks one of the user's teams (X-Factdesk-Team); without it, their first team.
 * Records `lastUsedAt` at most once a minute. With `rateLimit` (requests a minute, > 0) it also counts the request
 * against the token's window (lib/api/rate-limit.ts) and returns the result as `rate` (null without); only a usable
 * token's request is counted. The lookup, the count and `lastUsedAt` are ONE statement (issue #21: they were six
 * under Prisma's nested select and a separate upsert). The scope is checked separately (requireTokenScope), after
 * the request is counted; the caller refuses a request over the limit (refuseOverLimit).
 * @throws AppError 401 (invalidToken) when the secret is malformed, unknown, revoked or expired, or the account
 * is disabled or gone.
 * @throws AppError 404 (not_found) when `teamId` names a team the user is not in.
 */
export async function authenticateApiToken({
  secret,
  teamId,
  now = new Date(),
  rateLimit = 0,
}: {
  secret: string;
  teamId?: string | null;
  now?: Date;
  rateLimit?: number;
}): Promise<TokenUser> {
  if (!looksLikeTokenSecret(secret)) throw invalidToken();
  const token = await findTokenWithUser(hashTokenSecret(secret), teamId ?? null, now, rateLimit);
  if (!token || tokenStatus(token, now) !== "active") throw invalidToken();
  const user = toSessionUser(token.user, teamId);
  if (!user) throw invalidToken();
  // Never a silent fall back to another team: the caller would act where they did not mean to.
  if (teamId && user.teamId !== teamId) throw notFound("That team");
  const rate = token.count === null ? null : await countedRequest(Number(token.count), rateLimit, now);
  return { tokenId: token.id, scope: token.scope, user: { ...user, mustEnrolTwoFactor: token.mustEnrolTwoFactor }, rate };
}

type TokenWithUser = {
  id: string;
  scope: TokenScope;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: SessionUserRow;
  /** The team's two-factor rule applies to the user and their two-factor is off (mustEnrolTwoFactorSql). */
  mustEnrolTwoFactor: boolean;
  /** This request's number in the token's rate-limit window; null when not counted. */
  count: number | bigint | null;
};

/**
 * The read at the heart of findTokenWithUser, on its own: the token with this hash (its id, scope, expiresAt,
 * revokedAt), whether it is usable at `now` (not revoked or expired, user enabled and, with `teamId`, a member of that
 * team), whether the team's two-factor rule holds its user back (mustEnrolTwoFactor, as a session reads it), and its user as JSON with the user's memberships of teams not archived (oldest first). Writes nothing; at
 * most one row. Exported so bench/raw-read.ts times the very statement the API sends, not a copy of it.
 */
export function selectTokenWithUser(tokenHash: string, teamId: string | null, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t."id", t."scope"::text AS "scope", t."expiresAt", t."revokedAt",
           (t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > ${now}) AND NOT u."disabled"
            AND (${teamId}::text IS NULL OR EXISTS (
              SELECT 1 FROM "Membership" m JOIN "Team" tm ON tm."id" = m."teamId" AND tm."archivedAt" IS NULL
              WHERE m."userId" = u."id" AND m."teamId" = ${teamId}::text))) AS "usable",
           ${mustEnrolTwoFactorSql(Prisma.sql`u`)} AS "mustEnrolTwoFactor",
           json_build_object(
             'id', u."id", 'email', u."email", 'name', u."name", 'disabled', u."disabled",
             'memberships', coalesce((
               SELECT json_agg(json_build_object('role', m."role", 'team', json_build_object('id', tm."id", 'name', tm."name")) ORDER BY m."createdAt")
               FROM "Membership" m JOIN "Team" tm ON tm."id" = m."teamId" AND tm."archivedAt" IS NULL WHERE m."userId" = u."id"
             ), '[]'::json)
           ) AS "user"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${tokenHash}`;
}

/**
 * The token with this hash, its user and the user's memberships of teams not archived (oldest first, with team id
 * and name), in one statement that also, for a usable token (not revoked or expired, user enabled and, with
 * `teamId`, a member of that team), counts the request in its rate-limit window when `rateLimit` > 0 and sets
 * `lastUsedAt` when it is a minute old or unset (conditional, so parallel requests in the same minute write once).
 * Null when no token has this hash.
 */
async function findTokenWithUser(tokenHash: string, teamId: string | null, now: Date, rateLimit: number): Promise<TokenWithUser | null> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // Straight on the pool (readRows): this runs before every API request, and Prisma's pipeline cost more CPU than
  // the statement itself (issue #21, bench/raw-read.ts). Its two CTE writes (rate window, lastUsedAt) are counters of
  // this very statement, atomic on their own, never part of a caller's transaction (as with $queryRaw on `db`).
  const rows = await readRows<TokenWithUser>(Prisma.sql`
    WITH found AS (
      ${selectTokenWithUser(tokenHash, teamId, now)}
    ),
    counted AS (
      INSERT INTO "ApiRateWindow" ("key", "windowStart", "count")
      SELECT 'token:' || found."id", ${windowStartOf(now)}, 1 FROM found WHERE found."usable" AND ${rateLimit}::int > 0
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
      RETURNING "count"
    ),
    touched AS (
      UPDATE "ApiToken" SET "lastUsedAt" = ${now}
      WHERE "id" = (SELECT found."id" FROM found WHERE found."usable")
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${staleBefore})
      RETURNING 1
    )
    SELECT found."id", found."scope", found."expiresAt", found."revokedAt", found."user", found."mustEnrolTwoFactor",
           (SELECT "count" FROM counted) AS "count"
    FROM found`);
  return rows[0] ?? null;
}

/**
 * A read token may only GET/HEAD (case-insensitive). `method` is as the proxy saw it; null (unknown) counts as a
 * write. Read-write tokens pass everything.
 * @throws AppError 403 `forbidden` (READ_ONLY_TOKEN_MESSAGE) when a read token is used for anything else.
 */
export function requireTokenScope(scope: TokenScope, method: string | null): void {
  if (scope === "read" && !(method && READ_METHODS.has(method.toUpperCase()))) throw forbidden(READ_ONLY_TOKEN_MESSAGE);
}
