import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { tagKey } from "@/lib/tags/tag-rules";
import { SEARCH_PAGE_SIZE, type SearchKind, type TSearch } from "@/lib/validation/search";

/** A piece of a highlighted text: `match` is true for the words the query matched. */
export type HighlightSegment = { text: string; match: boolean };

export type SearchHit = {
  kind: SearchKind;
  /** The id of the article, claim, comment or evidence found. */
  id: string;
  articleId: string;
  articleTitle: string;
  /** The claim the hit belongs to (the claim itself, or the claim a comment or evidence is on); null for an article. */
  claimId: string | null;
  /** The article's title (article hits), the claim's quote (claim, comment, evidence hits), highlighted. */
  title: HighlightSegment[];
  /** The passage that matched, highlighted: a part of the body, the comment, the evidence excerpt. */
  snippet: HighlightSegment[];
  /** ts_rank of the weighted match (title A · quote, standfirst B · evidence title, claimant, verdict C · body, comment D). */
  rank: number;
  /** Where the hit opens in the app: the article, or the article with the claim selected. */
  href: string;
  /** Claim status (claim hits), evidence stance, or the comment's author. */
  detail: string | null;
  /** Last change (articles, claims) or creation (comments, evidence), ISO 8601. */
  at: string;
};

export type SearchResults = { query: string; page: number; pageSize: number; hits: SearchHit[]; hasMore: boolean };

// ts_headline marks matches with these; private-use characters never come from the app's own text rules
// and are split into segments here, so nothing reaches the browser as HTML.
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
// The part of a long text ts_headline reads for the snippet (it parses all it is given).
const SNIPPET_SOURCE_CHARS = 20_000;

/** Splits ts_headline output (matches between START and STOP) into segments. */
export function highlightSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const part of marked.split(START)) {
    const stop = part.indexOf(STOP);
    if (stop < 0) {
      if (part) segments.push({ text: part, match: false });
      continue;
    }
    if (stop > 0) segments.push({ text: part.slice(0, stop), match: true });
    const rest = part.slice(stop + STOP.length).replaceAll(STOP, "");
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

type RankedRow = { kind: SearchKind; id: string; articleId: string; claimId: string | null; rank: number; at: Date };
type DetailRow = {
  kind: SearchKind;
  id: string;
  articleTitle: string;
  title: string;
  snippet: string;
  detail: string | null;
};

function kindFilter(kind: SearchKind | undefined, candidate: SearchKind): Prisma.Sql {
  return kind && kind !== candidate ? Prisma.sql`AND false` : Prisma.empty;
}

const TAG_TOKEN = /(?:^|\s)tag:(?:"([^"]*)"|(\S+))/giu;

/**
 * Splits `tag:name` filters out of a search query: `tag:budget`, `tag:"public health"` (any case; several must all
 * hold). Output: the rest of the query for full-text search (trimmed; may be empty) and the tag keys (tagKey).
 * Pure; throws nothing.
 */
export function splitTagFilters(q: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  const text = q.replace(TAG_TOKEN, (_match, quoted: string | undefined, bare: string | undefined) => {
    const key = tagKey(quoted ?? bare ?? "");
    if (key) tags.push(key);
    return " ";
  });
  return { text: text.replace(/\s+/g, " ").trim(), tags: [...new Set(tags)] };
}

/** SQL: the row `itemId` of `table` ("ArticleTag" on articleId, "ClaimTag" on claimId) carries every tag in `keys`. */
function carriesTags(table: "ArticleTag" | "ClaimTag", itemId: Prisma.Sql, teamId: string, keys: string[]): Prisma.Sql {
  if (keys.length === 0) return Prisma.empty;
  const column = Prisma.raw(table === "ArticleTag" ? `x."articleId"` : `x."claimId"`);
  const each = keys.map(
    (key) => Prisma.sql`AND EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} x JOIN "Tag" t ON t.id = x."tagId"
      WHERE ${column} = ${itemId} AND t."teamId" = ${teamId} AND t."nameKey" = ${key})`,
  );
  return Prisma.join(each, " ");
}

/**
 * The SQL that ranks one team's hits for `q` (see searchTeam): rows of kind, id, articleId, claimId, rank, at, best
 * first, `limit` rows after skipping `offset`. Exported so bench/search.ts can EXPLAIN the query the app runs.
 */
export function rankedHitsSql({
  userId,
  teamId,
  q,
  kind,
  limit,
  offset,
  tags = [],
}: {
  userId: string;
  teamId: string;
  q: string;
  kind?: SearchKind;
  limit: number;
  offset: number;
  /** Tag keys (splitTagFilters): articles and claims carrying all of them, and comments and evidence of such claims. */
  tags?: string[];
}): Prisma.Sql {
  // The query expression is repeated rather than shared through a CTE so each branch's planner sees it and
  // can use its GIN index.
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  if (q.trim() === "" && tags.length > 0) return taggedItemsSql({ userId, teamId, kind, limit, offset, tags });
  const articleTags = carriesTags("ArticleTag", Prisma.sql`a.id`, teamId, tags);
  const claimTags = carriesTags("ClaimTag", Prisma.sql`c.id`, teamId, tags);
  return Prisma.sql`
    WITH hits AS (
      SELECT 'article' AS kind, a.id, a.id AS "articleId", NULL::text AS "claimId",
             ts_rank(a."searchVector", ${tsq}) AS rank, a."updatedAt" AS at
      FROM "Article" a
      WHERE a."teamId" = ${teamId} AND a."searchVector" @@ ${tsq} ${kindFilter(kind, "article")} ${articleTags}
      UNION ALL
      SELECT 'claim', c.id, c."articleId", c.id, ts_rank(c."searchVector", ${tsq}), c."updatedAt"
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND c."searchVector" @@ ${tsq} ${kindFilter(kind, "claim")} ${claimTags}
      UNION ALL
      SELECT 'comment', k.id, c."articleId", c.id, ts_rank(k."searchVector", ${tsq}), k."createdAt"
      FROM "Comment" k JOIN "Claim" c ON c.id = k."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND k."deletedAt" IS NULL AND k."searchVector" @@ ${tsq}
        ${kindFilter(kind, "comment")} ${claimTags}
      UNION ALL
      SELECT 'evidence', e.id, c."articleId", c.id, ts_rank(e."searchVector", ${tsq}), e."createdAt"
      FROM "Evidence" e JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND e."deletedAt" IS NULL AND e."searchVector" @@ ${tsq} ${kindFilter(kind, "evidence")} ${claimTags}
    )
    SELECT kind, id, "articleId", "claimId", rank::float8 AS rank, at FROM hits
    -- One-time filters, checked before any index is read: a member of the team, and a query with words in it
    -- (a query of stop words only would otherwise read every row of the GIN indexes to match nothing).
    WHERE numnode(${tsq}) > 0 AND EXISTS (
      SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."userId" = ${userId} AND m."teamId" = ${teamId} AND NOT u.disabled
    )
    ORDER BY rank DESC, at DESC, id
    LIMIT ${limit} OFFSET ${offset}`;
}

/** Only `tag:` filters and no words: the tagged articles and claims, most recently changed first (rank 0). */
function taggedItemsSql({
  userId,
  teamId,
  kind,
  limit,
  offset,
  tags,
}: {
  userId: string;
  teamId: string;
  kind?: SearchKind;
  limit: number;
  offset: number;
  tags: string[];
}): Prisma.Sql {
  const onlyArticlesOrClaims = kind === "comment" || kind === "evidence" ? Prisma.sql`AND false` : Prisma.empty;
  return Prisma.sql`
    WITH hits AS (
      SELECT 'article' AS kind, a.id, a.id AS "articleId", NULL::text AS "claimId", 0::float8 AS rank, a."updatedAt" AS at
      FROM "Article" a
      WHERE a."teamId" = ${teamId} ${kindFilter(kind, "article")} ${onlyArticlesOrClaims} ${carriesTags("ArticleTag", Prisma.sql`a.id`, teamId, tags)}
      UNION ALL
      SELECT 'claim', c.id, c."articleId", c.id, 0::float8, c."updatedAt"
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} ${kindFilter(kind, "claim")} ${onlyArticlesOrClaims} ${carriesTags("ClaimTag", Prisma.sql`c.id`, teamId, tags)}
    )
    SELECT kind, id, "articleId", "claimId", rank, at FROM hits
    WHERE EXISTS (
      SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."userId" = ${userId} AND m."teamId" = ${teamId} AND NOT u.disabled
    )
    ORDER BY at DESC, id
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Full-text search of one team's articles, claims, comments (not deleted ones) and evidence, for a member of that
 * team. `q` is PostgreSQL web-search syntax (`websearch_to_tsquery('english', q)`): words must all occur (stemmed,
 * stop words ignored), "quoted phrases" must occur in order, `-word` excludes, `or` between words allows either.
 * Hits are ordered by ts_rank over the weighted, generated search vectors (migration 20261130063459_search: a
 * title match outranks a quote, a quote outranks evidence, evidence outranks comments and body text), then most
 * recent first; `page` is 1-based with SEARCH_PAGE_SIZE (20) hits per page. Each hit has highlighted segments
 * and a link to the article or to the claim in it.
 * Membership is part of the query: a user who is not a member of `teamId` gets no hits (nothing is thrown), and a
 * query of stop words only (e.g. "the") matches nothing.
 * Tags: `tag:name` (or `tag:"two words"`, any case, several combine) keeps articles and claims carrying the tag and
 * comments and evidence of such claims (splitTagFilters); a query of `tag:` filters only lists the tagged articles
 * and claims, most recently changed first.
 */
export async function searchTeam({
  userId,
  teamId,
  q: query,
  kind,
  page,
}: TSearch & { userId: string; teamId: string }): Promise<SearchResults> {
  const pageSize = SEARCH_PAGE_SIZE;
  const offset = (page - 1) * pageSize;
  const { text: q, tags } = splitTagFilters(query);
  const ranked = await db.$queryRaw<RankedRow[]>(rankedHitsSql({ userId, teamId, q, kind, limit: pageSize + 1, offset, tags }));
  const pageRows = ranked.slice(0, pageSize);
  if (pageRows.length === 0) return { query, page, pageSize, hits: [], hasMore: false };

  const details = await db.$queryRaw<DetailRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
    page AS (SELECT * FROM unnest(${pageRows.map((r) => r.kind)}::text[], ${pageRows.map((r) => r.id)}::text[]) AS p(kind, id))
    SELECT p.kind, p.id, a.title AS "articleTitle",
      ts_headline('english', a.title, query.tsq, ${TITLE_OPTIONS}) AS title,
      ts_headline('english', concat_ws(' ', a.standfirst, left(a.body, ${SNIPPET_SOURCE_CHARS})), query.tsq, ${HEADLINE_OPTIONS}) AS snippet,
      NULL AS detail
    FROM page p JOIN "Article" a ON a.id = p.id, query WHERE p.kind = 'article'
    UNION ALL
    SELECT p.kind, p.id, a.title,
      ts_headline('english', c.exact, query.tsq, ${TITLE_OPTIONS}),
      ts_headline('english', concat_ws(' · ', c."claimantName", c."verdictLabel", c."verdictExplanation"), query.tsq, ${HEADLINE_OPTIONS}),
      c.status::text
    FROM page p JOIN "Claim" c ON c.id = p.id JOIN "Article" a ON a.id = c."articleId", query WHERE p.kind = 'claim'
    UNION ALL
    SELECT p.kind, p.id, a.title,
      ts_headline('english', c.exact, query.tsq, ${TITLE_OPTIONS}),
      ts_headline('english', left(k.body, ${SNIPPET_SOURCE_CHARS}), query.tsq, ${HEADLINE_OPTIONS}),
      u.name
    FROM page p JOIN "Comment" k ON k.id = p.id JOIN "User" u ON u.id = k."authorId"
      JOIN "Claim" c ON c.id = k."claimId" JOIN "Article" a ON a.id = c."articleId", query WHERE p.kind = 'comment'
    UNION ALL
    SELECT p.kind, p.id, a.title,
      ts_headline('english', c.exact, query.tsq, ${TITLE_OPTIONS}),
      ts_headline('english', concat_ws(' — ', e.title, left(e.excerpt, ${SNIPPET_SOURCE_CHARS})), query.tsq, ${HEADLINE_OPTIONS}),
      e.stance::text
    FROM page p JOIN "Evidence" e ON e.id = p.id JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId", query
    WHERE p.kind = 'evidence'`;
  const byKey = new Map(details.map((d) => [`${d.kind}:${d.id}`, d]));
  const hits = pageRows.flatMap((row): SearchHit[] => {
    const detail = byKey.get(`${row.kind}:${row.id}`);
    if (!detail) return []; // deleted between the two queries
    return [
      {
        kind: row.kind,
        id: row.id,
        articleId: row.articleId,
        articleTitle: detail.articleTitle,
        claimId: row.claimId,
        title: highlightSegments(detail.title),
        snippet: highlightSegments(detail.snippet),
        rank: Number(row.rank),
        href: row.claimId ? `/articles/${row.articleId}?claim=${row.claimId}` : `/articles/${row.articleId}`,
        detail: detail.detail,
        at: row.at.toISOString(),
      },
    ];
  });
  return { query, page, pageSize, hits, hasMore: ranked.length > pageSize };
}
