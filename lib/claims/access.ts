import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden, notFound } from "@/lib/http/errors";

export const WRITE_ROLES: readonly Role[] = ["admin", "editor", "reviewer"];
export const SIGN_OFF_ROLES: readonly Role[] = ["admin", "editor"];

/** Prisma filter: the article belongs to a team where the user has one of `roles` (any role when omitted). */
export function articleScope(userId: string, roles?: readonly Role[]) {
  return { team: { memberships: { some: roles ? { userId, role: { in: [...roles] } } : { userId } } } };
}

export function claimScope(userId: string, roles?: readonly Role[]) {
  return { article: articleScope(userId, roles) };
}

/**
 * Whether the user may still read the article: a member of its team with an enabled account.
 * One small query, for checks that repeat while a stream is open.
 */
export async function canStillReadArticle(articleId: string, userId: string): Promise<boolean> {
  const found = await db.article.count({ where: { id: articleId, team: { memberships: { some: { userId, user: { disabled: false } } } } } });
  return found > 0;
}

const VIEWER_MESSAGE = "Viewers can read claims but not change them.";

/** The user's role in the article's team; 404 when they are not in it, 403 when read-only. */
export async function requireArticleWrite(articleId: string, userId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: { id: true, body: true, teamId: true, requiresDoubleReview: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } },
  });
  const role = article?.team.memberships[0]?.role;
  if (!article || !role) throw notFound("That article");
  if (!WRITE_ROLES.includes(role)) throw forbidden(VIEWER_MESSAGE);
  return { id: article.id, body: article.body, teamId: article.teamId, requiresDoubleReview: article.requiresDoubleReview, role };
}

/** Like requireArticleWrite, then 403 unless the user is an editor or admin of the article's team. */
export async function requireArticleEditor(articleId: string, userId: string, message = "Only an editor can do this.") {
  const article = await requireArticleWrite(articleId, userId);
  if (!SIGN_OFF_ROLES.includes(article.role)) throw forbidden(message);
  return article;
}

/** Like requireClaimWrite, then 403 unless the user is an editor or admin of the claim's team. */
export async function requireClaimEditor(claimId: string, userId: string, message = "Only an editor can do this.") {
  const claim = await requireClaimWrite(claimId, userId);
  if (!SIGN_OFF_ROLES.includes(claim.role)) throw forbidden(message);
  return claim;
}

/** Same for a claim: returns the user's role in the claim's team. */
export async function requireClaimWrite(claimId: string, userId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: {
      id: true,
      articleId: true,
      version: true,
      status: true,
      verdictOrdinal: true,
      verdictLabel: true,
      verdictExplanation: true,
      verdictById: true,
      requiresDoubleReview: true,
      article: { select: { teamId: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } } },
    },
  });
  const role = claim?.article.team.memberships[0]?.role;
  if (!claim || !role) throw notFound("That claim");
  if (!WRITE_ROLES.includes(role)) throw forbidden(VIEWER_MESSAGE);
  const { article, ...rest } = claim;
  return { ...rest, teamId: article.teamId, role };
}
