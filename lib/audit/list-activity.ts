import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { notFound } from "@/lib/http/errors";

export type ActivityDTO = {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  claimId: string | null;
  actor: { id: string; name: string };
  before: unknown;
  after: unknown;
  createdAt: string;
};

const activitySelect = {
  id: true,
  action: true,
  entity: true,
  entityId: true,
  claimId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

type ActivityRow = {
  id: bigint;
  action: string;
  entity: string;
  entityId: string;
  claimId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string };
};

const pick = (value: unknown, keys: string[]) =>
  value !== null && typeof value === "object" ? Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]])) : null;

/**
 * An audit row as `viewerId` may see it: id as a decimal string, `createdAt` ISO 8601, `before`/`after` as
 * stored Json. An independent review verdict stays private to its
 * author in the feed (others see only its `outcome` and `status`, `before` null), or double review
 * would not be independent; the full row stays in the audit table. Pure.
 */
export function toActivityDTO(row: ActivityRow, viewerId: string): ActivityDTO {
  const privateReview = row.action === "review.submitted" && row.actor.id !== viewerId;
  return {
    ...row,
    id: row.id.toString(),
    createdAt: row.createdAt.toISOString(),
    before: privateReview ? null : row.before,
    after: privateReview ? pick(row.after, ["outcome", "status"]) : row.after,
  };
}

/**
 * An article's activity as ActivityDTOs: the newest `limit` (default 50) rows, newest first; or, with
 * `afterId` (an audit row id), up to `limit` rows after it, oldest first, for catching up a live stream.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listArticleActivity({
  articleId,
  userId,
  afterId,
  limit = 50,
}: {
  articleId: string;
  userId: string;
  afterId?: bigint;
  limit?: number;
}): Promise<ActivityDTO[]> {
  const article = await db.article.findFirst({ where: { id: articleId, ...articleScope(userId) }, select: { id: true } });
  if (!article) throw notFound("That article");
  const rows = await db.auditEvent.findMany({
    where: { articleId, ...(afterId !== undefined ? { id: { gt: afterId } } : {}) },
    orderBy: { id: afterId !== undefined ? "asc" : "desc" },
    take: limit,
    select: activitySelect,
  });
  return rows.map((row) => toActivityDTO(row, userId));
}

/**
 * The id of the newest audit row for an article as a decimal string ("0" when it has none), so a live
 * connection knows where it starts. Does no access check: call it after the article was loaded for the user.
 */
export async function latestActivityId(articleId: string): Promise<string> {
  const row = await db.auditEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  return (row?.id ?? BigInt(0)).toString();
}

export { activitySelect };
