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

export type SearchResults = {
  query: string;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  hasMore: boolean;
  /**
   * How many hits the query has in all pages; null when the page is past the last hit. When `totalIsLowerBound`, a
   * kind had more than SEARCH_CANDIDATES_PER_KIND matches: only that many of it were ranked, and there are more.
   */
  total: number | null;
  totalIsLowerBound: boolean;
};

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

type RankedRow = {
  kind: SearchKind;
  id: string;
  articleId: string;
  claimId: string | null;
  rank: number;
  at: Date;
  total: number;
  capped: boolean;
};
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
 * Matches of one kind a search ranks at most (per kind: articles, claims, comments, evidence; four kinds of 250 fill
 * the 50 pages of 20 a search serves). A query matching more
 * (one common word on a desk of a million claims) ranks the first this many matches the index yields, not all of
 * them, and says so (`totalIsLowerBound`): ranking every match costs time in proportion to the desk, and a
 * reader narrows such a query rather than reading page 40. Bounded this way, the worst query's cost stops
 * growing with the desk (bench/search.ts).
 */
export const SEARCH_CANDIDATES_PER_KIND = 250;

/**
 * SQL: the text search configuration of an article in `language` (a BCP 47 tag or null), through the database
 * function the article's generated search vector uses (migration 20261130124449_search_at_scale): 'english' for
 * English or an unknown language, 'simple' (no stemming, no stop words) for any other language.
 */
function articleConfig(language: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`factdesk_search_config(${language})`;
}

/**
 * The SQL that ranks one team's hits for `q` (see searchTeam): rows of kind, id, articleId, claimId, rank, at, best
 * first, `limit` rows after skipping `offset`, each with `total` (the number of ranked matches) and `capped` (whether
 * a kind had more than `candidatesPerKind` matches, so `total` is a lower bound). Exported so bench/search.ts can
 * EXPLAIN the query the app runs.
 */
export function rankedHitsSql({
  userId,
  teamId,
  q,
  kind,
  limit,
  offset,
  tags = [],
  candidatesPerKind = SEARCH_CANDIDATES_PER_KIND,
}: {
  userId: string;
  teamId: string;
  q: string;
  kind?: SearchKind;
  limit: number;
  offset: number;
  /** Tag keys (splitTagFilters): articles and claims carrying all of them, and comments and evidence of such claims. */
  tags?: string[];
  /** Matches ranked per kind (SEARCH_CANDIDATES_PER_KIND); tests make it small. */
  candidatesPerKind?: number;
}): Prisma.Sql {
  if (q.trim() === "" && tags.length > 0) return taggedItemsSql({ userId, teamId, kind, limit, offset, tags });
  // The query expressions are repeated rather than shared through a CTE so each branch's planner sees them as
  // constants and can use its GIN index. Articles in a known language other than English are indexed with the
  // 'simple' configuration, so they are matched with the 'simple' query; everything else with the 'english' one.
  const english = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const simple = Prisma.sql`websearch_to_tsquery('simple', ${q})`;
  const articleTags = carriesTags("ArticleTag", Prisma.sql`a.id`, teamId, tags);
  const claimTags = carriesTags("ClaimTag", Prisma.sql`c.id`, teamId, tags);
  // Checked once per branch before any row is read (a one-time filter): the user is an active member of the team,
  // and the query has a part an index can answer (querytree is '' for stop words only, "its", and 'T' when only
  // excluded words remain, "-budget"). Without it such a query reads every row of the table: an empty tsquery makes
  // the planner expect no match and pick a sequential scan, and a GIN index cannot look up "not this word".
  const member = Prisma.sql`EXISTS (
      SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."userId" = ${userId} AND m."teamId" = ${teamId} AND NOT u.disabled)`;
  const hasWords = (tsq: Prisma.Sql) => Prisma.sql`querytree(${tsq}) NOT IN ('', 'T') AND ${member}`;
  // Each kind: at most `candidatesPerKind` matches of the team (LIMIT in a subquery: the GIN bitmap scan stops
  // feeding rows there), ranked afterwards; `found` is how many there were.
  const branch = (label: SearchKind, rank: Prisma.Sql, from: Prisma.Sql) => Prisma.sql`
    SELECT ${label}::text AS kind, x.id, x."articleId", x."claimId", ts_rank(x.sv, ${rank})::float8 AS rank, x.at,
           count(*) OVER () AS found
    FROM (${from} LIMIT ${candidatesPerKind}) x`;
  const branches: Prisma.Sql[] = [];
  if (!kind || kind === "article") {
    const cfg = articleConfig(Prisma.sql`a.language`);
    branches.push(
      branch(
        "article",
        Prisma.sql`CASE WHEN factdesk_search_config(x.language) = 'english'::regconfig THEN ${english} ELSE ${simple} END`,
        Prisma.sql`SELECT a.id, a.id AS "articleId", NULL::text AS "claimId", a."searchVector" AS sv, a."updatedAt" AS at, a.language
          FROM "Article" a
          WHERE a."teamId" = ${teamId} ${articleTags}
            AND ((${cfg} = 'english'::regconfig AND a."searchVector" @@ ${english} AND ${hasWords(english)})
              OR (${cfg} = 'simple'::regconfig AND a."searchVector" @@ ${simple} AND ${hasWords(simple)}))`,
      ),
    );
  }
  if (!kind || kind === "claim") {
    branches.push(
      branch(
        "claim",
        english,
        Prisma.sql`SELECT c.id, c."articleId", c.id AS "claimId", c."searchVector" AS sv, c."updatedAt" AS at
          FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
          WHERE ${hasWords(english)} AND c."searchVector" @@ ${english} AND a."teamId" = ${teamId} ${claimTags}`,
      ),
    );
  }
  if (!kind || kind === "comment") {
    branches.push(
      branch(
        "comment",
        english,
        Prisma.sql`SELECT k.id, c."articleId", c.id AS "claimId", k."searchVector" AS sv, k."createdAt" AS at
          FROM "Comment" k JOIN "Claim" c ON c.id = k."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE ${hasWords(english)} AND k."searchVector" @@ ${english} AND k."deletedAt" IS NULL AND a."teamId" = ${teamId} ${claimTags}`,
      ),
    );
  }
  if (!kind || kind === "evidence") {
    branches.push(
      branch(
        "evidence",
        english,
        Prisma.sql`SELECT e.id, c."articleId", c.id AS "claimId", e."searchVector" AS sv, e."createdAt" AS at
          FROM "Evidence" e JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE ${hasWords(english)} AND e."searchVector" @@ ${english} AND e."deletedAt" IS NULL AND a."teamId" = ${teamId} ${claimTags}`,
      ),
    );
  }
  return Prisma.sql`
    SELECT kind, id, "articleId", "claimId", rank, at,
           count(*) OVER ()::int AS total, bool_or(found >= ${candidatesPerKind}) OVER () AS capped
    FROM (${Prisma.join(branches, " UNION ALL ")}) hits
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
    SELECT kind, id, "articleId", "claimId", rank, at, count(*) OVER ()::int AS total, false AS capped FROM hits
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
 * query no index can answer (stop words only, "the"; excluded words only, "-budget") matches nothing.
 * Language: articles whose language is known and not English are indexed and matched without stemming or stop
 * words ('simple'); other articles, claims, comments and evidence in English.
 * Scale: at most SEARCH_CANDIDATES_PER_KIND (250) matches of each kind are ranked; `total` counts the ranked
 * matches and `totalIsLowerBound` says a kind had more (show it with a plus, "612+"). `candidatesPerKind` overrides the bound
 * (tests).
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
  candidatesPerKind,
}: TSearch & { userId: string; teamId: string; candidatesPerKind?: number }): Promise<SearchResults> {
  const pageSize = SEARCH_PAGE_SIZE;
  const offset = (page - 1) * pageSize;
  const { text: q, tags } = splitTagFilters(query);
  const ranked = await db.$queryRaw<RankedRow[]>(
    rankedHitsSql({ userId, teamId, q, kind, limit: pageSize + 1, offset, tags, candidatesPerKind }),
  );
  const pageRows = ranked.slice(0, pageSize);
  const first = ranked[0];
  const totals = { total: first ? Number(first.total) : page === 1 ? 0 : null, totalIsLowerBound: first?.capped ?? false };
  if (pageRows.length === 0) return { query, page, pageSize, hits: [], hasMore: false, ...totals };

  // Highlights for the page's rows only (ts_headline parses the whole text it is given).
  const details = await db.$queryRaw<DetailRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq, websearch_to_tsquery('simple', ${q}) AS simple),
    page AS (SELECT * FROM unnest(${pageRows.map((r) => r.kind)}::text[], ${pageRows.map((r) => r.id)}::text[]) AS p(kind, id))
    SELECT p.kind, p.id, a.title AS "articleTitle",
      ts_headline(cfg, a.title, CASE WHEN cfg = 'english'::regconfig THEN query.tsq ELSE query.simple END, ${TITLE_OPTIONS}) AS title,
      ts_headline(cfg, concat_ws(' ', a.standfirst, left(a.body, ${SNIPPET_SOURCE_CHARS})),
        CASE WHEN cfg = 'english'::regconfig THEN query.tsq ELSE query.simple END, ${HEADLINE_OPTIONS}) AS snippet,
      NULL AS detail
    FROM page p JOIN "Article" a ON a.id = p.id CROSS JOIN LATERAL factdesk_search_config(a.language) AS cfg, query
    WHERE p.kind = 'article'
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
  return { query, page, pageSize, hits, hasMore: ranked.length > pageSize, ...totals };
}
