import { db } from "@/lib/db";
import { articleScope } from "@/lib/claims/access";
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

type ActivityRow = { id: bigint; action: string; entity: string; entityId: string; claimId: string | null; before: unknown; after: unknown; createdAt: Date; actor: { id: string; name: string } };

export function toActivityDTO(row: ActivityRow): ActivityDTO {
  return { ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() };
}

/** An article's activity, newest first, or only what came after `afterId` (oldest first, for catching up). */
export async function listArticleActivity({ articleId, userId, afterId, limit = 50 }: { articleId: string; userId: string; afterId?: bigint; limit?: number }): Promise<ActivityDTO[]> {
  const article = await db.article.findFirst({ where: { id: articleId, ...articleScope(userId) }, select: { id: true } });
  if (!article) throw notFound("That article");
  const rows = await db.auditEvent.findMany({
    where: { articleId, ...(afterId !== undefined ? { id: { gt: afterId } } : {}) },
    orderBy: { id: afterId !== undefined ? "asc" : "desc" },
    take: limit,
    select: activitySelect,
  });
  return rows.map(toActivityDTO);
}

/** The id of the newest audit row for an article, so a live connection knows where it starts. */
export async function latestActivityId(articleId: string): Promise<string> {
  const row = await db.auditEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  return (row?.id ?? BigInt(0)).toString();
}

export { activitySelect };
