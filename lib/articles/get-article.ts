import { byTagName, toTagDTO, type TagDTO } from "@/lib/tags/tags";
import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * The one statement getArticle sends: article `id` with its team's name, the role of `userId` there and its tags, as
 * one row, or no row when the article does not exist, its team is archived or the user is not a member. Exported for
 * bench/raw-read.ts, which times this very statement.
 */
export function selectArticle(id: string, userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT a."id", a."teamId", t."name" AS "teamName", a."title", a."standfirst", a."byline", a."source", a."sourceUrl", a."publishedAt",
           a."language", a."body", a."blocks", a."requiresDoubleReview", a."version", m."role"::text AS "myRole",
           coalesce((SELECT json_agg(json_build_object('id', tg."id", 'name', tg."name", 'color', tg."color"))
                     FROM "ArticleTag" at JOIN "Tag" tg ON tg."id" = at."tagId" WHERE at."articleId" = a."id"), '[]'::json) AS "tags"
    FROM "Article" a
    JOIN "Team" t ON t."id" = a."teamId" AND t."archivedAt" IS NULL
    JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
    WHERE a."id" = ${id}`;
}

/**
 * One article at its current version (title, body, standfirst, blocks validated by parseBlocks, publication date
 * as ISO 8601), with its team's name, the reader's role there and the article's tags. Returns null when the article does not exist
 * or the user is not in its team, which pages show as 404; never throws for that.
 */
export async function getArticle({ id, userId }: { id: string; userId: string }): Promise<ArticleDetail | null> {
  // One statement: the scope is the join on the user's membership, the tags an aggregate (Prisma's nested select
  // sent five; issue #21), run straight on the pool (readRows: a hot read, where Prisma's pipeline cost more CPU than
  // the statement).
  const rows = await readRows<Omit<ArticleDetail, "publishedAt" | "blocks"> & { publishedAt: Date | null; blocks: unknown }>(
    selectArticle(id, userId),
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    blocks: parseBlocks(row.blocks, row.body),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    tags: (row.tags as unknown as { id: string; name: string; color: string | null }[]).map(toTagDTO).sort(byTagName),
  };
}
