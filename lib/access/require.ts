// Access checks that read the database: the user's role where the thing lives, 404 when they
// are not in its team (not-found and not-allowed look the same), 403 when the role is too low.
// Each takes an optional client so it runs inside the caller's transaction, right before the
// write it guards (which is itself scoped with lib/access/scope.ts).
import { db, type DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus, Role } from "@/lib/generated/prisma/enums";
import { forbidden, notFound, type AppError } from "@/lib/http/errors";
import { SIGN_OFF_ROLES, VIEWER_MESSAGE, WRITE_ROLES } from "@/lib/access/roles";
import { membershipOf } from "@/lib/access/scope";

/**
 * Whether the user may still read the article: a member of its team (not archived) with an enabled account.
 * One small query, for checks that repeat while a stream is open. Output: boolean; never throws
 * an AppError (database errors propagate).
 */
export async function canStillReadArticle(articleId: string, userId: string): Promise<boolean> {
  const found = await db.article.count({
    // Archived teams are out of reach for everyone (lib/access/scope.ts), open streams included.
    where: { id: articleId, team: { archivedAt: null, memberships: { some: { ...membershipOf(userId), user: { disabled: false } } } } },
  });
  return found > 0;
}

/** What requireArticleWrite returns: the article's text, its version number and settings, and the user's role in its team. */
export type WritableArticle = { id: string; body: string; version: number; teamId: string; requiresDoubleReview: boolean; role: Role };

/**
 * The user's role in the article's team, for a change to the article or its claims.
 * Output: WritableArticle. Throws 404 (not_found) when the article does not exist or is in a
 * team the user is not in, 403 (forbidden) when their role there is read-only.
 */
export async function requireArticleWrite(articleId: string, userId: string, client: DbClient = db): Promise<WritableArticle> {
  // One statement, the scope a join on the user's membership (Prisma's nested select sent three; issue #21).
  const rows = await client.$queryRaw<WritableArticle[]>`
    SELECT a."id", a."body", a."version", a."teamId", a."requiresDoubleReview", m."role"::text AS "role"
    FROM "Article" a
    JOIN "Team" t ON t."id" = a."teamId" AND t."archivedAt" IS NULL
    JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
    WHERE a."id" = ${articleId}`;
  const article = rows[0];
  if (!article) throw notFound("That article");
  if (!WRITE_ROLES.includes(article.role)) throw forbidden(VIEWER_MESSAGE);
  return article;
}

/** Like requireArticleWrite, then 403 with `message` unless the user is an editor or admin of the article's team. */
export async function requireArticleEditor(
  articleId: string,
  userId: string,
  message = "Only an editor can do this.",
  client: DbClient = db,
): Promise<WritableArticle> {
  const article = await requireArticleWrite(articleId, userId, client);
  if (!SIGN_OFF_ROLES.includes(article.role)) throw forbidden(message);
  return article;
}

/** What requireClaimWrite returns: the claim's workflow fields, its team, and the user's role there. */
export type WritableClaim = {
  id: string;
  articleId: string;
  version: number;
  status: ClaimStatus;
  verdictOrdinal: number | null;
  verdictLabel: string | null;
  verdictExplanation: string | null;
  verdictById: string | null;
  requiresDoubleReview: boolean;
  teamId: string;
  role: Role;
  /** The team's rating scale as stored (Team.ratingScale; read with lib/teams/rating-scale.ts), for a new verdict. */
  ratingScale: unknown;
};

/**
 * The user's role in the claim's team, for a change to the claim.
 * Output: WritableClaim. Throws 404 (not_found) when the claim does not exist or is in a team
 * the user is not in, 403 (forbidden) when their role there is read-only.
 * `lock: true` (inside a transaction) also takes the claim's row lock (FOR NO KEY UPDATE, the lock every UPDATE of
 * the claim takes, a sign-off's included) and reads the claim after any change that held it: a write judged on the
 * status read here cannot be overtaken by a sign-off. Only a member of the claim's team takes it.
 */
export async function requireClaimWrite(
  claimId: string,
  userId: string,
  client: DbClient = db,
  { lock = false }: { lock?: boolean } = {},
): Promise<WritableClaim> {
  // One statement: the scope is the join on the user's membership. Prisma's nested select for the same sent four
  // (claim, article, team, memberships) before every write to a claim (issue #21).
  const rows = await client.$queryRaw<WritableClaim[]>`
    SELECT c."id", c."articleId", c."version", c."status"::text AS "status", c."verdictOrdinal", c."verdictLabel",
           c."verdictExplanation", c."verdictById", c."requiresDoubleReview", a."teamId", m."role"::text AS "role",
           t."ratingScale"
    FROM "Claim" c
    JOIN "Article" a ON a."id" = c."articleId"
    JOIN "Team" t ON t."id" = a."teamId" AND t."archivedAt" IS NULL
    JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
    WHERE c."id" = ${claimId} ${lock ? Prisma.sql`FOR NO KEY UPDATE OF c` : Prisma.empty}`;
  const claim = rows[0];
  if (!claim) throw notFound("That claim");
  if (!WRITE_ROLES.includes(claim.role)) throw forbidden(VIEWER_MESSAGE);
  return claim;
}

/**
 * For a claim write scoped to the role its rules were judged on (`claim.role`) that matched no row: re-reads the
 * user's access (requireClaimWrite: 404 when they left the team or the claim is gone, 403 for a viewer) and answers
 * 403 when their role there is no longer `claim.role` (demoted, or promoted, after the check), so the caller's
 * workflow rules are never applied on a role the user no longer has. Returns normally when the role is the same
 * (the write missed for another reason, e.g. a stale version).
 * @throws AppError 404 / 403 as above.
 */
export async function requireClaimRoleUnchanged(claim: { id: string; role: Role }, userId: string, client: DbClient = db): Promise<void> {
  const now = await requireClaimWrite(claim.id, userId, client);
  if (now.role !== claim.role) {
    throw forbidden(
      `Your role in this team changed (you are now ${/^[aeiou]/.test(now.role) ? "an" : "a"} ${now.role}) before this change was saved, so nothing was changed. Reload to see what you can do now.`,
    );
  }
}

/** Like requireClaimWrite, then 403 with `message` unless the user is an editor or admin of the claim's team. */
export async function requireClaimEditor(
  claimId: string,
  userId: string,
  message = "Only an editor can do this.",
  client: DbClient = db,
): Promise<WritableClaim> {
  const claim = await requireClaimWrite(claimId, userId, client);
  if (!SIGN_OFF_ROLES.includes(claim.role)) throw forbidden(message);
  return claim;
}

/**
 * The user's role in team `teamId`, read from the membership row (not the session, so a
 * demotion counts at once). Input: the team, the user, the roles that may proceed, the error
 * for someone not in the team (`outsider`, e.g. notFound("That team")) and the 403 message for
 * a member whose role is not in `roles`. Output: the role. Throws `outsider` or 403 (forbidden).
 */
export async function requireTeamRole(
  {
    teamId,
    userId,
    roles,
    outsider,
    message,
  }: { teamId: string; userId: string; roles: readonly Role[]; outsider: AppError; message: string },
  client: DbClient = db,
): Promise<Role> {
  const membership = await client.membership.findFirst({
    where: { teamId, ...membershipOf(userId), team: { archivedAt: null } },
    select: { role: true },
  });
  if (!membership) throw outsider;
  if (!roles.includes(membership.role)) throw forbidden(message);
  return membership.role;
}
