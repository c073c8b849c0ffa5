import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
}: {
  userId: string;
  teamId: string;
  q: string;
  kind?: SearchKind;
  limit: number;
  offset: number;
}): Prisma.Sql {
  // The query expression is repeated rather than shared through a CTE so each branch's planner sees it and
  // can use its GIN index.
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  return Prisma.sql`
    WITH hits AS (
      SELECT 'article' AS kind, a.id, a.id AS "articleId", NULL::text AS "claimId",
             ts_rank(a."searchVector", ${tsq}) AS rank, a."updatedAt" AS at
      FROM "Article" a
      WHERE a."teamId" = ${teamId} AND a."searchVector" @@ ${tsq} ${kindFilter(kind, "article")}
      UNION ALL
      SELECT 'claim', c.id, c."articleId", c.id, ts_rank(c."searchVector", ${tsq}), c."updatedAt"
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND c."searchVector" @@ ${tsq} ${kindFilter(kind, "claim")}
      UNION ALL
      SELECT 'comment', k.id, c."articleId", c.id, ts_rank(k."searchVector", ${tsq}), k."createdAt"
      FROM "Comment" k JOIN "Claim" c ON c.id = k."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND k."deletedAt" IS NULL AND k."searchVector" @@ ${tsq}
        ${kindFilter(kind, "comment")}
      UNION ALL
      SELECT 'evidence', e.id, c."articleId", c.id, ts_rank(e."searchVector", ${tsq}), e."createdAt"
      FROM "Evidence" e JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE a."teamId" = ${teamId} AND e."deletedAt" IS NULL AND e."searchVector" @@ ${tsq} ${kindFilter(kind, "evidence")}
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
 */
export async function searchTeam({ userId, teamId, q, kind, page }: TSearch & { userId: string; teamId: string }): Promise<SearchResults> {
  const pageSize = SEARCH_PAGE_SIZE;
  const offset = (page - 1) * pageSize;
  const ranked = await db.$queryRaw<RankedRow[]>(rankedHitsSql({ userId, teamId, q, kind, limit: pageSize + 1, offset }));
  const pageRows = ranked.slice(0, pageSize);
  if (pageRows.length === 0) return { query: q, page, pageSize, hits: [], hasMore: false };

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
  return { query: q, page, pageSize, hits, hasMore: ranked.length > pageSize };
}
