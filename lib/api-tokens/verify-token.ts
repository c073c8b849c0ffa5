import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { TokenScope } from "@/lib/generated/prisma/enums";
import { toSessionUser, type SessionUser, type SessionUserRow } from "@/lib/users/session-user";
import { hashTokenSecret, looksLikeTokenSecret } from "@/lib/api-tokens/secret";
import { tokenStatus } from "@/lib/api-tokens/dto";

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

export type TokenUser = { tokenId: string; scope: TokenScope; user: SessionUser };

/**
 * Who a bearer token acts for, loaded like a session user (same roles, same team scoping).
 * `teamId` picks one of the user's teams (X-Factdesk-Team); without it, their first team.
 * Records `lastUsedAt` at most once a minute. Returns the token id, its scope and the user.
 * The scope is checked separately (requireTokenScope), after the request is counted.
 * @throws AppError 401 (invalidToken) when the secret is malformed, unknown, revoked or expired, or the account
 * is disabled or gone.
 * @throws AppError 404 (not_found) when `teamId` names a team the user is not in.
 */
export async function authenticateApiToken({
  secret,
  teamId,
  now = new Date(),
}: {
  secret: string;
  teamId?: string | null;
  now?: Date;
}): Promise<TokenUser> {
  if (!looksLikeTokenSecret(secret)) throw invalidToken();
  const token = await findTokenWithUser(hashTokenSecret(secret));
  if (!token || tokenStatus(token, now) !== "active") throw invalidToken();
  const user = toSessionUser(token.user, teamId);
  if (!user) throw invalidToken();
  // Never a silent fall back to another team: the caller would act where they did not mean to.
  if (teamId && user.teamId !== teamId) throw notFound("That team");

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so parallel requests in the same minute write once between them.
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: token.id, scope: token.scope, user };
}

type TokenWithUser = {
  id: string;
  scope: TokenScope;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  user: SessionUserRow;
};

/**
 * The token with this hash, its user and the user's memberships (oldest first, with team id and name), in one
 * statement. Prisma's nested select for the same sent four (token, user, memberships, teams) on every API
 * request (issue #21). Null when no token has this hash.
 */
async function findTokenWithUser(tokenHash: string): Promise<TokenWithUser | null> {
  const rows = await db.$queryRaw<(Omit<TokenWithUser, "user"> & { user: SessionUserRow })[]>`
    SELECT t."id", t."scope"::text AS "scope", t."expiresAt", t."revokedAt", t."lastUsedAt",
           json_build_object(
             'id', u."id", 'email', u."email", 'name', u."name", 'disabled', u."disabled",
             'memberships', coalesce((
               SELECT json_agg(json_build_object('role', m."role", 'team', json_build_object('id', tm."id", 'name', tm."name")) ORDER BY m."createdAt")
               FROM "Membership" m JOIN "Team" tm ON tm."id" = m."teamId" WHERE m."userId" = u."id"
             ), '[]'::json)
           ) AS "user"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${tokenHash}`;
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
