import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type ArticleDetail = {
  id: string;
  teamId: string;
  teamName: string;
  title: string;
  standfirst: string | null;
  byline: string | null;
  source: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  body: string;
  requiresDoubleReview: boolean;
  /** The reader's role in the article's team. */
  myRole: Role;
};

/** One article, only when the user belongs to its team; otherwise null (shown as 404). */
export async function getArticle({ id, userId }: { id: string; userId: string }): Promise<ArticleDetail | null> {
  const article = await db.article.findFirst({
    where: { id, team: { memberships: { some: { userId } } } },
    select: {
      id: true,
      teamId: true,
      title: true,
      standfirst: true,
      byline: true,
      source: true,
      sourceUrl: true,
      publishedAt: true,
      body: true,
      requiresDoubleReview: true,
      team: { select: { name: true, memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  const membership = article?.team.memberships[0];
  if (!article || !membership) return null;
  const { team, ...rest } = article;
  return { ...rest, teamName: team.name, publishedAt: article.publishedAt?.toISOString() ?? null, myRole: membership.role };
}
