import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { ARTICLE_PAGE_SIZE, type ArticleSort, type TArticleList } from "@/lib/validation/article-list";
import { ZId } from "@/lib/validation/fields";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { z } from "zod";
import { tagKey } from "@/lib/tags/tag-rules";
import { toTagDTO, type TagDTO } from "@/lib/tags/tags";

export type ArticleSummary = {
  id: string;
  title: string;
  source: string | null;
  byline: string | null;
  publishedAt: string | null;
  createdAt: string;
  claimCounts: Record<ClaimStatus, number>;
  /** Unreviewed + in review + proposed + disputed. */
  openClaims: number;
  totalClaims: number;
  /** Share of claims done (verified or not check-worthy), 0–1; 0 without claims. */
  progress: number;
  /** Claims whose place in the text a person must confirm after an edit. */
  needsReanchor: number;
  /** Earliest due date ("YYYY-MM-DD", a day in the team's time zone) of an open claim's assignment, or null. */
  nextDueAt: string | null;
  /** Whether that day has ended in the team's time zone. */
  overdue: boolean;
  reportPublished: boolean;
  /** The latest change to the article or one of its claims, ISO 8601. */
  lastActivityAt: string;
  /** The article's own tags, by name. */
  tags: TagDTO[];
  /** Who is assigned to at least one of its claims, by name. */
  assignees: { id: string; name: string }[];
};

export type ArticlePage = { articles: ArticleSummary[]; nextCursor: string | null };

// Each sort: the ArticleStats column, its direction, and the type its text form is read back as in a cursor.
const SORTS: Record<ArticleSort, { column: string; desc: boolean; type: string }> = {
  updated: { column: "lastActivityAt", desc: true, type: "timestamp(3)" },
  published: { column: "publishedSort", desc: true, type: "timestamp(3)" },
  progress: { column: "progress", desc: false, type: "float8" },
  open: { column: "openClaims", desc: true, type: "int" },
  due: { column: "dueSort", desc: false, type: "date" },
};

const STATUS_COLUMNS: Record<ClaimStatus, string> = {
  unreviewed: "unreviewed",
  in_review: "inReview",
  verdict_proposed: "verdictProposed",
  verified: "verified",
  not_check_worthy: "notCheckWorthy",
  disputed: "disputed",
};

// What PostgreSQL's text form of each sort type looks like, so a forged value is refused here (422) and never fails
// its cast in SQL (500): timestamps "2026-11-30 12:34:56.789", dates "2026-11-30" (the sentinels 1000-01-01 and
// 2999-12-31 included), int4 counts, and a finite float for progress.
const CURSOR_VALUE: Record<string, (value: string) => boolean> = {
  "timestamp(3)": (v) =>
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/.test(v) &&
    isRealDay(v.slice(0, 10)) &&
    Number(v.slice(11, 13)) < 24 &&
    Number(v.slice(14, 16)) < 60 &&
    Number(v.slice(17, 19)) < 60,
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v),
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2_147_483_647,
  float8: (v) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v) && Number.isFinite(Number(v)),
};
function isRealDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(year, month - 1, date));
  return year >= 1000 && year <= 2999 && at.getUTCMonth() === month - 1 && at.getUTCDate() === date;
}

/** The cursor's sort key: the sort value as PostgreSQL's text of that sort's type, then the article id. */
const cursorSchema = (type: string) =>
  z.tuple([
    z
      .string()
      .max(64)
      .refine((value) => CURSOR_VALUE[type]?.(value) === true),
    ZId,
  ]);

type Row = {
  id: string;
  title: string;
  source: string | null;
  byline: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  unreviewed: number;
  inReview: number;
  verdictProposed: number;
  verified: number;
  notCheckWorthy: number;
  disputed: number;
  openClaims: number;
  totalClaims: number;
  progress: number;
  needsReanchor: number;
  nextDueAt: string | null;
  overdue: boolean;
  reportPublished: boolean;
  lastActivityAt: Date;
  sortValue: string;
  tags: { id: string; name: string; color: string | null }[] | null;
  assignees: { id: string; name: string }[] | null;
};

/**
 * The SQL of one page of the articles list (see listArticlePage): rows with the article, its ArticleStats numbers
 * and `sortValue`, ARTICLE_PAGE_SIZE + 1 of them. Exported so bench/search.ts can EXPLAIN what the app runs.
 * @throws AppError 422 `unprocessable` for a cursor the list did not give out.
 */
export function articlePageSql({ userId, teamId, view }: { userId: string; teamId: string; view: TArticleList }): Prisma.Sql {
  const sort = SORTS[view.sort];
  const column = Prisma.raw(`s."${sort.column}"`);
  const direction = Prisma.raw(sort.desc ? "DESC" : "ASC");
  const today = Prisma.sql`(now() AT TIME ZONE (SELECT "timeZone" FROM "Team" WHERE id = ${teamId}))::date`;
  const filters: Prisma.Sql[] = [];
  if (view.status?.length) {
    filters.push(
      Prisma.sql`(${Prisma.join(
        view.status.map((status) => Prisma.raw(`s."${STATUS_COLUMNS[status]}" > 0`)),
        " OR ",
      )})`,
    );
  }
  if (view.disputed) filters.push(Prisma.sql`s."disputed" > 0`);
  if (view.overdue) filters.push(Prisma.sql`s."dueSort" < ${today}`);
  if (view.reanchor) filters.push(Prisma.sql`s."needsReanchor" > 0`);
  if (view.report) filters.push(Prisma.sql`s."reportPublished" = ${view.report === "published"}`);
  if (view.assignee) {
    const assignee = view.assignee === "me" ? userId : view.assignee;
    // Kept on the stats row by the triggers (migration 20261130124449_search_at_scale): a check on the row the sorted
    // index scan reads anyway, rather than a look into Assignment and Claim per article or per assignment.
    filters.push(Prisma.sql`s."assignees" @> ARRAY[${assignee}]::text[]`);
  }
  if (view.tag) {
    // The article or one of its claims carries the tag (a tag of this team, matched by its case-free key). An IN over
    // a UNION is computed once and hashed, rather than probed per article.
    const tag = Prisma.sql`(SELECT t.id FROM "Tag" t WHERE t."teamId" = ${teamId} AND t."nameKey" = ${tagKey(view.tag)})`;
    filters.push(Prisma.sql`s."articleId" IN (
      SELECT at."articleId" FROM "ArticleTag" at WHERE at."tagId" = ${tag}
      UNION
      SELECT c."articleId" FROM "ClaimTag" ct JOIN "Claim" c ON c.id = ct."claimId" WHERE ct."tagId" = ${tag})`);
  }
  if (view.cursor) {
    const [value, id] = decodeCursor(view.cursor, cursorSchema(sort.type));
    const typed = Prisma.sql`${value}::${Prisma.raw(sort.type)}`;
    filters.push(
      sort.desc ? Prisma.sql`(${column}, s."articleId") < (${typed}, ${id})` : Prisma.sql`(${column}, s."articleId") > (${typed}, ${id})`,
    );
  }
  return Prisma.sql`
    SELECT a.id, a.title, a.source, a.byline, a."publishedAt", a."createdAt",
      s."unreviewed", s."inReview", s."verdictProposed", s."verified", s."notCheckWorthy", s."disputed",
      s."openClaims", s."totalClaims", s."progress", s."needsReanchor", s."nextDueAt"::text AS "nextDueAt",
      (s."dueSort" < ${today}) AS overdue, s."reportPublished", s."lastActivityAt", ${column}::text AS "sortValue",
      (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY t."nameKey")
         FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = a.id) AS tags,
      (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
         FROM "User" u WHERE u.id = ANY(s."assignees")) AS assignees
    FROM "ArticleStats" s JOIN "Article" a ON a.id = s."articleId"
    WHERE s."teamId" = ${teamId}
      AND EXISTS (
        SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m."userId" = ${userId} AND m."teamId" = ${teamId} AND NOT u.disabled
      )
      ${filters.length ? Prisma.sql`AND ${Prisma.join(filters, " AND ")}` : Prisma.empty}
    ORDER BY ${column} ${direction}, s."articleId" ${direction}
    LIMIT ${ARTICLE_PAGE_SIZE + 1}`;
}

/**
 * One page (ARTICLE_PAGE_SIZE, 50) of team `teamId`'s articles for a member, sorted and filtered as `view` says
 * (see ZArticleList; filters combine), read from ArticleStats (kept by triggers, migration
 * 20261130070317_article_stats_needs_me) so sorting by progress, open claims or due date needs no counting. `assignee`
 * "me" means `userId`. Overdue: an open claim's due day has ended in the team's time zone. `nextCursor` continues
 * after the last row (keyset on the sort value and the id), null on the last page.
 * Empty when the user is not a member of the team (nothing is thrown for that).
 * @throws AppError 422 `unprocessable` (field `cursor`) for a cursor this function did not give out.
 */
export async function listArticlePage({
  userId,
  teamId,
  view,
}: {
  userId: string;
  teamId: string;
  view: TArticleList;
}): Promise<ArticlePage> {
  const rows = await db.$queryRaw<Row[]>(articlePageSql({ userId, teamId, view }));
  const page = rows.slice(0, ARTICLE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    articles: page.map((row) => ({
      id: row.id,
      title: row.title,
      source: row.source,
      byline: row.byline,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      claimCounts: {
        unreviewed: row.unreviewed,
        in_review: row.inReview,
        verdict_proposed: row.verdictProposed,
        verified: row.verified,
        not_check_worthy: row.notCheckWorthy,
        disputed: row.disputed,
      },
      openClaims: row.openClaims,
      totalClaims: row.totalClaims,
      progress: row.progress,
      needsReanchor: row.needsReanchor,
      nextDueAt: row.nextDueAt,
      overdue: row.overdue,
      reportPublished: row.reportPublished,
      lastActivityAt: row.lastActivityAt.toISOString(),
      tags: (row.tags ?? []).map(toTagDTO),
      assignees: row.assignees ?? [],
    })),
    nextCursor: rows.length > ARTICLE_PAGE_SIZE && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}
