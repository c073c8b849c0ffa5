// The article's claim summaries one page at a time, in text order, with an opaque cursor (lib/pagination/cursor.ts).
// One SQL statement per page: the article scope, the team's time zone and scale, and each claim's tags and
// assignments come back with the claims, so a page costs the same however many statements Prisma would make.
import { z } from "zod";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorStatus, ClaimStatus } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/http/errors";
import { statusLabel, storedVerdictKey, emptyStatusCounts, type StatusCounts } from "@/lib/claims/verdicts";
import { claimIsOverdue } from "@/lib/claims/claim-summary";
import { byTagName, toTagDTO } from "@/lib/tags/tags";
import { activeClaimFilters, matchesClaimFilter, type ClaimFilter } from "@/lib/claims/claim-filter";
import { readRatingScale } from "@/lib/teams/rating-scale";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { claimDTOWithPeople, withCheckedBy, type CheckedClaimDTO, type ClaimPeople } from "@/lib/claims/dto";
import { recordEventsJsonSql, recordFromJson, type RecordEventJson } from "@/lib/claims/load-records";
import { CLAIM_LIST_LIMIT } from "@/lib/validation/claim-list";
import { MAX_YEAR, MIN_YEAR, ZId } from "@/lib/validation/fields";

// Text order (lib/claims/dto.ts TEXT_ORDER) with the id last, so every claim has exactly one place.
// Every part is bounded to what PostgreSQL reads back (int4 offsets, years MIN_YEAR…MAX_YEAR, an id of ZId's
// characters), so a forged cursor is a 422, never an error in SQL.
const INT4_MAX = 2_147_483_647;
const ZClaimCursor = z.tuple([
  z.number().int().min(0).max(INT4_MAX),
  z.number().int().min(0).max(INT4_MAX),
  z
    .string()
    .datetime()
    .refine((at) => Number(at.slice(0, 4)) >= MIN_YEAR && Number(at.slice(0, 4)) <= MAX_YEAR),
  ZId,
]);

type ClaimCursorKey = z.infer<typeof ZClaimCursor>;

type Row = {
  id: string | null;
  exact: string;
  start: number;
  end: number;
  status: ClaimStatus;
  verdictOrdinal: number | null;
  verdictLabel: string | null;
  verdictKey: string | null;
  anchorStatus: AnchorStatus;
  commentCount: number;
  evidenceCount: number;
  /** ISO 8601 (UTC, milliseconds), formatted by PostgreSQL as Date.toISOString would (ISO_MILLIS). */
  createdAt: string;
  // Read only when a claim's summary is made (the summary view, or any filtered page); ratingScale only when filtered.
  timeZone?: string;
  ratingScale?: unknown;
  tags?: { id: string; name: string; color: string | null }[] | null;
  assignments?: { reviewerId: string; dueAt: string | null }[] | null;
};

/** The further columns of the full view (ClaimDTO), read only when asked for. */
type FullRow = Row & {
  id: string;
  articleId: string;
  prefix: string;
  suffix: string;
  verdictExplanation: string | null;
  verdictAt: string | null;
  version: number;
  updatedAt: string;
  anchorVersion: number;
  anchorConfidence: number | null;
  anchorMethod: string | null;
  // The people as id and name columns (not json_build_object, which pg would JSON.parse once per person and row).
  verdictById: string | null;
  verdictByName: string | null;
  createdById: string;
  createdByName: string;
  updatedById: string;
  updatedByName: string;
  /** The record's audit rows when the claim has a verdict (recordEventsJsonSql), else null. */
  recordEvents: RecordEventJson[] | null;
};

export type ClaimSummaryPage = {
  claims: ClaimSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
};

/**
 * One page of an article's claims as ClaimSummary (see listClaimSummaries), in text order: start ascending, the
 * outer of nested claims first, then creation time, then id. `cursor` (a previous page's nextCursor) continues after
 * that page's last claim by its sort key, so claims added or removed between pages never make another claim repeat
 * or go missing. `limit` claims at most (default CLAIM_LIST_LIMIT.default, 200); `limit: null` for every claim
 * from the cursor on. With `filter` (lib/claims/claim-filter.ts, "me" is `userId`) a page holds up to
 * `limit` claims that pass it. One SQL statement.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 * @throws AppError 422 `unprocessable` (field `cursor`) for a cursor this list did not give out.
 */
export async function listClaimSummaryPage(args: PageArgs): Promise<ClaimSummaryPage> {
  const { kept, nextCursor } = await readPage(args, false);
  return { claims: kept.map((k) => k.summary!), nextCursor };
}

/**
 * The same page as listClaimSummaryPage (same arguments, order, filter, cursor and errors), each claim as the full
 * ClaimDTO (selectors, verdict with its explanation, who last wrote it and, from the claim's record, who checked it and
 * how: CheckedClaimDTO; creator and last editor, versions, anchoring): what GET /api/v1/articles/{id}/claims sends.
 * Still one SQL statement: the people are scalar subqueries on the User primary key, the counts the counters on the
 * Claim row, and a claim with a verdict reads its record's audit rows by claim (recordEventsJsonSql), so the cost
 * follows the page, not any whole table.
 */
export async function listClaimPage(args: PageArgs): Promise<{ claims: CheckedClaimDTO[]; nextCursor: string | null }> {
  const { kept, nextCursor } = await readPage(args, true);
  const claims = kept.map((k) => {
    const row = k.row as FullRow;
    return withCheckedBy(claimDTOWithPeople(row, peopleOf(row)), row.recordEvents && recordFromJson(row.recordEvents).proposed);
  });
  return { claims, nextCursor };
}

/** A full row's people as ClaimDTO has them: `{ id, name }`, verdictBy null without a verdict's author. */
function peopleOf(row: FullRow): ClaimPeople {
  return {
    verdictBy: row.verdictById === null ? null : { id: row.verdictById, name: row.verdictByName! },
    createdBy: { id: row.createdById, name: row.createdByName },
    updatedBy: { id: row.updatedById, name: row.updatedByName },
  };
}

type PageArgs = {
  articleId: string;
  userId: string;
  filter?: ClaimFilter;
  cursor?: string | null;
  limit?: number | null;
};

// A `timestamp(3)` column as the text Date.toISOString gives for it (UTC, milliseconds, years MIN_YEAR…MAX_YEAR have
// four digits): PostgreSQL formats it, so the page makes no Date per value only to format it again (issue #21).
const ISO_MILLIS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const isoText = (column: string) => Prisma.raw(`to_char(c."${column}", ${ISO_MILLIS})`);

/**
 * The one statement a page of an article's claims is read with (readPage): the claims of `articleId` in text order
 * after the cursor key `after` (none: from the first), at most `sqlLimit` rows (null: all). With `full` the columns
 * ClaimDTO needs besides (selectors, verdict details, versions, people, and for a claim with a verdict its record's audit rows); without `full` or with `filtered` each
 * claim's tags, assignments and the team's time zone (what a ClaimSummary is made from), and with `filtered` the
 * team's rating scale: a page reads no column its answer does not use. Dates come as ISO 8601 text (ISO_MILLIS). No
 * row at all when the article does not exist, its team is archived or `userId` is not a member; one row of NULL claim
 * columns for an article without claims. Exported for bench/raw-read.ts, which times this very statement.
 */
export function selectClaimPage({
  articleId,
  userId,
  after,
  sqlLimit,
  full,
  filtered = false,
}: {
  articleId: string;
  userId: string;
  after: ClaimCursorKey | null;
  sqlLimit: number | null;
  full: boolean;
  filtered?: boolean;
}): Prisma.Sql {
  const person = (column: string) =>
    Prisma.raw(`c."${column}Id", (SELECT u.name FROM "User" u WHERE u.id = c."${column}Id") AS "${column}Name"`);
  const summaryColumns =
    !full || filtered
      ? Prisma.sql`, t."timeZone",
      (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color))
         FROM "ClaimTag" ct JOIN "Tag" g ON g.id = ct."tagId" WHERE ct."claimId" = c.id) AS tags,
      (SELECT json_agg(json_build_object('reviewerId', a."reviewerId", 'dueAt', a."dueAt"))
         FROM "Assignment" a WHERE a."claimId" = c.id) AS assignments`
      : Prisma.empty;
  const scaleColumn = filtered ? Prisma.sql`, t."ratingScale"` : Prisma.empty;
  const fullColumns = full
    ? Prisma.sql`, c."articleId", c.prefix, c.suffix, c."verdictExplanation", ${isoText("verdictAt")} AS "verdictAt", c.version,
      ${isoText("updatedAt")} AS "updatedAt", c."anchorVersion", c."anchorConfidence", c."anchorMethod",
      ${person("verdictBy")}, ${person("createdBy")}, ${person("updatedBy")},
      CASE WHEN c."verdictOrdinal" IS NULL THEN NULL ELSE ${recordEventsJsonSql(Prisma.sql`c.id`)} END AS "recordEvents"`
    : Prisma.empty;
  return Prisma.sql`
    SELECT c.id, c.exact, c.start, c."end", c.status, c."verdictOrdinal", c."verdictLabel", c."verdictKey", c."anchorStatus",
      c."commentCount", c."evidenceCount", ${isoText("createdAt")} AS "createdAt"
      ${summaryColumns}${scaleColumn}${fullColumns}
    FROM "Article" ar
    JOIN "Team" t ON t.id = ar."teamId" AND t."archivedAt" IS NULL
    LEFT JOIN "Claim" c ON c."articleId" = ar.id
      ${after ? Prisma.sql`AND (c.start, -c."end", c."createdAt", c.id) > (${after[0]}, ${-after[1]}, ${after[2]}::timestamp(3), ${after[3]})` : Prisma.empty}
    WHERE ar.id = ${articleId}
      AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = ar."teamId" AND m."userId" = ${userId})
    ORDER BY c.start, c."end" DESC, c."createdAt", c.id
    ${sqlLimit === null ? Prisma.empty : Prisma.sql`LIMIT ${sqlLimit}`}`;
}

async function readPage(
  { articleId, userId, filter, cursor, limit = CLAIM_LIST_LIMIT.default }: PageArgs,
  full: boolean,
): Promise<{ kept: { row: Row; summary: ClaimSummary | null }[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, ZClaimCursor) : null;
  if (filter && activeClaimFilters(filter) === 0) filter = undefined;
  // A filter is applied to the rows in JavaScript (its rules read the team's scale and time zone), so a filtered
  // page reads on until it is full; an unfiltered one reads one row more than it keeps, to know if one follows.
  const sqlLimit = limit === null || filter ? null : limit + 1;
  // Straight on the pool (readRows): the API's hot read, where Prisma's pipeline cost more CPU than the statement.
  const rows = await readRows<Row>(selectClaimPage({ articleId, userId, after, sqlLimit, full, filtered: filter !== undefined }));
  if (rows.length === 0) throw notFound("That article");
  const found = rows.filter((row) => row.id !== null);
  const timeZone = rows[0]!.timeZone;
  const scale = filter ? readRatingScale(rows[0]!.ratingScale) : undefined;
  // The full view without a filter makes no summaries: nothing would read them (issue #21).
  const summarise = !full || filter !== undefined;
  const kept: { row: Row; summary: ClaimSummary | null }[] = [];
  let more = false;
  for (const row of found) {
    const summary = summarise ? toSummary(row, timeZone!) : null;
    if (filter && !matchesClaimFilter(summary!, filter, userId, scale)) continue;
    if (limit !== null && kept.length === limit) {
      more = true;
      break;
    }
    kept.push({ row, summary });
  }
  const last = kept.at(-1)?.row;
  return { kept, nextCursor: more && last ? encodeCursor([last.start, last.end, last.createdAt, last.id]) : null };
}

function toSummary(c: Row, timeZone: string): ClaimSummary {
  const assignments = c.assignments ?? [];
  return {
    id: c.id!,
    exact: c.exact,
    start: c.start,
    end: c.end,
    status: c.status,
    statusLabel: statusLabel(c.status),
    verdict:
      c.verdictOrdinal === null
        ? null
        : { key: storedVerdictKey(c.verdictKey, c.verdictOrdinal), label: c.verdictLabel ?? "", ordinal: c.verdictOrdinal },
    counts: { comments: c.commentCount, evidence: c.evidenceCount },
    anchorStatus: c.anchorStatus,
    tags: (c.tags ?? []).map(toTagDTO).sort(byTagName),
    assigneeIds: assignments.map((a) => a.reviewerId),
    overdue: claimIsOverdue(
      c.status,
      assignments.map((a) => a.dueAt && a.dueAt.slice(0, 10)),
      timeZone,
    ),
  };
}

/**
 * How many claims an article has, in all and by status (for the progress bar and "showing 200 of 10,000" before
 * every claim is loaded). One statement.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function countArticleClaims({ articleId, userId }: { articleId: string; userId: string }): Promise<{
  total: number;
  byStatus: StatusCounts;
}> {
  const rows = await db.$queryRaw<{ status: ClaimStatus | null; n: bigint }[]>(Prisma.sql`
    SELECT c.status, count(c.id) AS n
    FROM "Article" ar
    JOIN "Team" t ON t.id = ar."teamId" AND t."archivedAt" IS NULL
    LEFT JOIN "Claim" c ON c."articleId" = ar.id
    WHERE ar.id = ${articleId}
      AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = ar."teamId" AND m."userId" = ${userId})
    GROUP BY c.status`);
  if (rows.length === 0) throw notFound("That article");
  const byStatus = emptyStatusCounts();
  let total = 0;
  for (const row of rows) {
    if (row.status === null) continue;
    byStatus[row.status] += Number(row.n);
    total += Number(row.n);
  }
  return { total, byStatus };
}
