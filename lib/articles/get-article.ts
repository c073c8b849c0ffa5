import { byTagName, tagSelect, toTagDTO, type TagDTO } from "@/lib/tags/tags";
import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseBlocks, type ArticleBlocks } from "@/lib/articles/blocks";

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
  /** BCP 47 tag of the article's language (detected on import, editable); null when unknown. */
  language: string | null;
  body: string;
  /** Headings, lists, quotes and links of the body; null when it is all plain paragraphs. */
  blocks: ArticleBlocks | null;
  requiresDoubleReview: boolean;
  /** Number of the current version; title, body and blocks above are that version's. */
  version: number;
  /** The reader's role in the article's team. */
  myRole: Role;
  /** The article's tags, by name. */
  tags: TagDTO[];
};

/**
 * One article at its current version (title, body, standfirst, blocks validated by parseBlocks, publication date
 * as ISO 8601), with its team's name, the reader's role there and the article's tags. Returns null when the article does not exist
 * or the user is not in its team, which pages show as 404; never throws for that.
 */
export async function getArticle({ id, userId }: { id: string; userId: string }): Promise<ArticleDetail | null> {
  const article = await db.article.findFirst({
    where: { id, ...articleScope(userId) },
    select: {
      id: true,
      teamId: true,
      title: true,
      standfirst: true,
      byline: true,
      source: true,
      sourceUrl: true,
      publishedAt: true,
      language: true,
      body: true,
      blocks: true,
      requiresDoubleReview: true,
      version: true,
      team: { select: { name: true, memberships: { where: { userId }, select: { role: true } } } },
      tags: { select: { tag: { select: tagSelect } } },
    },
  });
  const membership = article?.team.memberships[0];
  if (!article || !membership) return null;
  const { team, blocks, tags, ...rest } = article;
  return {
    ...rest,
    blocks: parseBlocks(blocks, article.body),
    teamName: team.name,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    myRole: membership.role,
    tags: tags.map((t) => toTagDTO(t.tag)).sort(byTagName),
  };
}
