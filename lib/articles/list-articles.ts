import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { emptyStatusCounts } from "@/lib/claims/verdicts";

export type ArticleSummary = {
  id: string;
  title: string;
  source: string | null;
  byline: string | null;
  publishedAt: string | null;
  createdAt: string;
  claimCounts: Record<ClaimStatus, number>;
  openClaims: number;
};

/**
 * The articles of team `teamId`, latest publication date first (undated last), then newest import, each with
 * claim counts per status and `openClaims` (unreviewed + in review + proposed + disputed); dates are ISO 8601.
 * Empty when the user is not a member of the team (nothing is revealed, nothing is thrown).
 */
export async function listArticles({ userId, teamId }: { userId: string; teamId: string }): Promise<ArticleSummary[]> {
  const scope = { teamId, ...articleScope(userId) };
  const [rows, groups] = await Promise.all([
    db.article.findMany({
      where: scope,
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      select: { id: true, title: true, source: true, byline: true, publishedAt: true, createdAt: true },
    }),
    db.claim.groupBy({ by: ["articleId", "status"], where: { article: scope }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, Record<ClaimStatus, number>>();
  for (const group of groups) {
    const entry = counts.get(group.articleId) ?? emptyStatusCounts();
    entry[group.status] = group._count._all;
    counts.set(group.articleId, entry);
  }
  return rows.map((row) => {
    const claimCounts = counts.get(row.id) ?? emptyStatusCounts();
    return {
      ...row,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      claimCounts,
      openClaims: claimCounts.unreviewed + claimCounts.in_review + claimCounts.verdict_proposed + claimCounts.disputed,
    };
  });
}
