import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { loadClaimRecords } from "@/lib/claims/load-records";
import { proposedInWords } from "@/lib/claims/record-words";
import { signOffBarredClaimIds } from "@/lib/claims/four-eyes";
import { signOffWaitingClaimIds, waitsForReviewsSql } from "@/lib/claims/sign-off";

/** Days ahead (after today, in the team's time zone) in which a due date counts as "due soon". */
export const DUE_SOON_DAYS = 2;
/** Items shown per kind; the counts say how many there are in all. */
export const NEEDS_ME_LIMIT = 50;
/** Counts stop here ("1,000 or more"): counting a backlog of 40,000 proposals exactly would cost more than it tells. */
export const NEEDS_ME_COUNT_CAP = 1000;

/**
 * What waits for a person. Editors and admins: `sign_off` (a verdict the server would let them sign off: neither
 * their own nor one they gave an independent review verdict on (four-eyes), nor one whose double review is not done:
 * fewer than two reviews in, or differing ones no editor has settled), `dispute`,
 * `overdue` and `due_soon` (an open claim's assignment), `reanchor` (a claim whose place a person must
 * confirm), `source` (a claim whose evidence's source changed or is gone since it was archived), and, like reviewers, `assignment` (an open claim assigned to them) and `reply` (a reply to their
 * comment they have not answered on that claim since). Viewers: nothing.
 */
export type NeedsKind = "sign_off" | "dispute" | "overdue" | "due_soon" | "reanchor" | "source" | "assignment" | "reply";
// Editors can be assigned claims too (My queue showed them theirs), so they keep the reviewer's kinds after their own.
export const EDITOR_KINDS: readonly NeedsKind[] = [
  "sign_off",
  "dispute",
  "overdue",
  "due_soon",
  "reanchor",
  "source",
  "assignment",
  "reply",
];
export const REVIEWER_KINDS: readonly NeedsKind[] = ["assignment", "reply"];

export type NeedsItem = {
  kind: NeedsKind;
  claimId: string;
  articleId: string;
  articleTitle: string;
  /** The claim's quote. */
  exact: string;
  status: string;
  /**
   * How the verdict came about, in the verdict card's words from the claim's record (sign_off: "Agreed in double
   * review by Ana and Ben", "Imported by Cy"; "Proposed by" the verdict's writer when no record is kept); who wrote
   * the reply (reply); the due day "YYYY-MM-DD" (overdue, due_soon, assignment).
   */
  detail: string | null;
  /** The claim's verdict as stored (label and ordinal), null before one is proposed. */
  verdict: { label: string; ordinal: number } | null;
  /** The reply's comment id (reply), else null. */
  commentId: string | null;
  /** When it started to wait: the claim's last change, the reply's time, or the due day's UTC midnight; ISO 8601. */
  at: string;
  /** The claim in its article. */
  href: string;
};

export type NeedsMe = { role: Role | null; items: NeedsItem[]; counts: Partial<Record<NeedsKind, number>>; total: number };

type Row = Omit<NeedsItem, "href" | "at" | "verdict"> & { at: Date; verdictLabel: string | null; verdictOrdinal: number | null };

const OPEN = Prisma.sql`('unreviewed', 'in_review', 'verdict_proposed', 'disputed')`;

/**
 * SQL: the capped count of sign_off, dispute or reanchor for the team, from the per-article numbers the stats triggers
 * keep (ArticleStats: verdictProposed, disputed, needsReanchor), read through a partial index on the team's articles
 * that have any: at most `cap` index entries, no look-up per claim. Sign-offs leave out, counted once, those the
 * four-eyes rule bars the person from (signOffBarredClaimIds: their own proposals and the claims they reviewed, read
 * through that person's index entries; usually few) and those that wait for their double review
 * (signOffWaitingClaimIds: the team's proposed double-review claims, through a partial index), so their sum reads
 * `cap` + that many articles.
 */
function statsCountSql(kind: "sign_off" | "dispute" | "reanchor", userId: string, teamId: string): Prisma.Sql {
  const cap = NEEDS_ME_COUNT_CAP;
  const column = Prisma.raw({ sign_off: `"verdictProposed"`, dispute: `"disputed"`, reanchor: `"needsReanchor"` }[kind]);
  const sum = (limit: Prisma.Sql) => Prisma.sql`coalesce((SELECT sum(x.n) FROM (
      SELECT s.${column} AS n FROM "ArticleStats" s WHERE s."teamId" = ${teamId} AND s.${column} > 0 LIMIT ${limit}) x), 0)`;
  if (kind !== "sign_off") return Prisma.sql`SELECT ${kind}::text AS kind, least(${sum(Prisma.sql`${cap}`)}, ${cap})::int AS n`;
  const barred = Prisma.sql`(SELECT count(*) FROM (${signOffBarredClaimIds(userId)} UNION ${signOffWaitingClaimIds(teamId)}) b
      JOIN "Claim" c ON c.id = b."claimId" JOIN "Article" a ON a.id = c."articleId"
      WHERE c.status = 'verdict_proposed' AND a."teamId" = ${teamId})`;
  return Prisma.sql`SELECT ${kind}::text AS kind, greatest(0, least(${sum(Prisma.sql`${cap} + ${barred}`)} - ${barred}, ${cap}))::int AS n`;
}

function sectionSql(kind: NeedsKind, userId: string, teamId: string, today: Prisma.Sql, count: boolean): Prisma.Sql {
  if (count && (kind === "sign_off" || kind === "dispute" || kind === "reanchor")) return statsCountSql(kind, userId, teamId);
  const team = Prisma.sql`a."teamId" = ${teamId}`;
  // Counted per claim (a claim with two overdue assignees is one item), replies per comment, up to the cap.
  const counted = kind === "reply" ? Prisma.sql`r.id` : Prisma.sql`c.id`;
  // Rows are one per claim (or reply) except for overdue and due soon, one per assignment: a claim with two
  // assignees appears twice, so those read twice the cap to count up to the cap distinct claims.
  const rowsToCount = kind === "overdue" || kind === "due_soon" ? NEEDS_ME_COUNT_CAP * 2 : NEEDS_ME_COUNT_CAP;
  // A count reads its rows in the order of the kind's index (`countOrder`): the planner then walks that partial,
  // covering index and stops at the cap, instead of scanning Claim until enough rows pass its filter (which it
  // prefers when it expects thousands of matches, and which reads a page of Claim per few matches).
  const pick = (select: Prisma.Sql, from: Prisma.Sql, order: Prisma.Sql, countOrder: Prisma.Sql = Prisma.empty) =>
    count
      ? Prisma.sql`SELECT ${kind}::text AS kind, count(DISTINCT x.id)::int AS n FROM (SELECT ${counted} AS id ${from} ${countOrder} LIMIT ${rowsToCount}) x`
      : Prisma.sql`(SELECT ${kind}::text AS kind, ${select} ${from} ORDER BY ${order} LIMIT ${NEEDS_ME_LIMIT})`;
  const claimCols = Prisma.sql`c.id AS "claimId", c."articleId", a.title AS "articleTitle", c.exact, c.status::text AS status,
    c."verdictLabel", c."verdictOrdinal"`;
  switch (kind) {
    case "sign_off":
      return pick(
        Prisma.sql`${claimCols}, v.name AS detail, NULL::text AS "commentId", c."updatedAt" AS at`,
        Prisma.sql`FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "User" v ON v.id = c."verdictById"
          WHERE c.status = 'verdict_proposed' AND ${team}
            AND NOT EXISTS (SELECT 1 FROM (${signOffBarredClaimIds(userId)}) b WHERE b."claimId" = c.id)
            AND NOT ${waitsForReviewsSql()}`,
        Prisma.sql`c."updatedAt" ASC`,
        Prisma.sql`ORDER BY c."updatedAt"`,
      );
    case "dispute":
    case "reanchor":
      return pick(
        Prisma.sql`${claimCols}, NULL::text AS detail, NULL::text AS "commentId", c."updatedAt" AS at`,
        Prisma.sql`FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
          WHERE ${kind === "dispute" ? Prisma.sql`c.status = 'disputed'` : Prisma.sql`c."anchorStatus" = 'needs_review'`} AND ${team}`,
        Prisma.sql`c."updatedAt" ASC`,
        Prisma.sql`ORDER BY c."updatedAt"`,
      );
    case "source":
      // One row per claim; detail says how many of its sources changed and how many are gone.
      return pick(
        Prisma.sql`${claimCols},
          concat_ws(', ',
            CASE WHEN f.changed > 0 THEN f.changed || ' changed' END,
            CASE WHEN f.gone > 0 THEN f.gone || ' gone' END) AS detail,
          NULL::text AS "commentId", f.at`,
        Prisma.sql`FROM (
            SELECT e."claimId", count(*) FILTER (WHERE e."sourceFlag" = 'changed')::int AS changed,
              count(*) FILTER (WHERE e."sourceFlag" = 'gone')::int AS gone, max(e."sourceCheckedAt") AS at
            FROM "Evidence" e WHERE e."sourceFlag" IS NOT NULL AND e."deletedAt" IS NULL GROUP BY e."claimId"
          ) f JOIN "Claim" c ON c.id = f."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE ${team}`,
        Prisma.sql`f.at ASC`,
      );
    case "overdue":
    case "due_soon": {
      const due =
        kind === "overdue"
          ? Prisma.sql`g."dueAt" < ${today}`
          : Prisma.sql`g."dueAt" >= ${today} AND g."dueAt" <= ${today} + ${DUE_SOON_DAYS}::int`;
      // One row per assignment, read in due order from the dueAt index; listNeedsMe keeps a claim's first.
      return pick(
        Prisma.sql`${claimCols}, g."dueAt"::text AS detail, NULL::text AS "commentId", g."dueAt"::timestamp AS at`,
        Prisma.sql`FROM "Assignment" g JOIN "Claim" c ON c.id = g."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE ${due} AND c.status IN ${OPEN} AND ${team}`,
        Prisma.sql`g."dueAt" ASC, c.id`,
        Prisma.sql`ORDER BY g."dueAt"`,
      );
    }
    case "assignment":
      return pick(
        Prisma.sql`${claimCols}, g."dueAt"::text AS detail, NULL::text AS "commentId", g."createdAt" AS at`,
        Prisma.sql`FROM "Assignment" g JOIN "Claim" c ON c.id = g."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE g."reviewerId" = ${userId} AND c.status IN ${OPEN} AND ${team}`,
        Prisma.sql`g."dueAt" ASC NULLS LAST, g."createdAt" ASC`,
      );
    case "reply":
      return pick(
        Prisma.sql`${claimCols}, u.name AS detail, r.id AS "commentId", r."createdAt" AS at`,
        Prisma.sql`FROM "Comment" p JOIN "Comment" r ON r."parentId" = p.id JOIN "User" u ON u.id = r."authorId"
          JOIN "Claim" c ON c.id = r."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE p."authorId" = ${userId} AND r."authorId" <> ${userId} AND r."deletedAt" IS NULL AND ${team}
            AND NOT EXISTS (
              SELECT 1 FROM "Comment" mine
              WHERE mine."claimId" = r."claimId" AND mine."authorId" = ${userId} AND mine."createdAt" > r."createdAt"
            )`,
        Prisma.sql`r."createdAt" DESC`,
      );
  }
}

/**
 * The SQL of Needs me for `kinds` (see listNeedsMe): with `count`, one row per kind with its count `n`; otherwise
 * up to NEEDS_ME_LIMIT item rows per kind. Today is the team's day in `timeZone`. Does no membership check (the
 * caller has read the role). Exported so bench/search.ts can EXPLAIN what the app runs.
 */
export function needsMeSql({
  userId,
  teamId,
  timeZone,
  kinds,
  count,
}: {
  userId: string;
  teamId: string;
  timeZone: string;
  kinds: readonly NeedsKind[];
  count: boolean;
}): Prisma.Sql {
  const today = Prisma.sql`(now() AT TIME ZONE ${timeZone})::date`;
  return Prisma.join(
    kinds.map((kind) => sectionSql(kind, userId, teamId, today, count)),
    " UNION ALL ",
  );
}

/** The kinds a role sees in Needs me: editors' and admins', reviewers', or none (viewers). */
export function needsKindsFor(role: Role | null): readonly NeedsKind[] {
  if (!role) return [];
  if (SIGN_OFF_ROLES.includes(role)) return EDITOR_KINDS;
  if (WRITE_ROLES.includes(role)) return REVIEWER_KINDS;
  return [];
}

/**
 * "Needs me" for `userId` in team `teamId`: per kind (see NeedsKind; which kinds follows the role the person has
 * in that team now, read from the membership) the first NEEDS_ME_LIMIT items, oldest wait first (replies newest
 * first), and how many there are, counted up to NEEDS_ME_COUNT_CAP (1,000) per kind. Today is the team's calendar day in its time zone. With `countOnly`, no items
 * (for the top bar). A person who is not an active member of the team gets `{ role: null, items: [], total: 0 }`.
 */
export async function listNeedsMe({
  userId,
  teamId,
  countOnly = false,
}: {
  userId: string;
  teamId: string;
  countOnly?: boolean;
}): Promise<NeedsMe> {
  const membership = await db.membership.findFirst({
    where: { userId, teamId, user: { disabled: false } },
    select: { role: true, team: { select: { timeZone: true } } },
  });
  if (!membership) return { role: null, items: [], counts: {}, total: 0 };
  const kinds = needsKindsFor(membership.role);
  if (kinds.length === 0) return { role: membership.role, items: [], counts: {}, total: 0 };
  const query = (count: boolean) => needsMeSql({ userId, teamId, timeZone: membership.team.timeZone, kinds, count });
  const [countRows, rows] = await Promise.all([
    db.$queryRaw<{ kind: NeedsKind; n: number }[]>(query(true)),
    countOnly ? Promise.resolve([] as Row[]) : db.$queryRaw<Row[]>(query(false)),
  ]);
  const counts: Partial<Record<NeedsKind, number>> = {};
  for (const row of countRows) counts[row.kind] = Math.min(Number(row.n), NEEDS_ME_COUNT_CAP);
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = `${row.kind}:${row.claimId}:${row.commentId ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // The row's verdictBy is only who last wrote the verdict (the second reviewer of an agreement, the importer); the
  // record says how it came about. One audit read for every sign-off listed.
  const signOffs = unique.filter((row) => row.kind === "sign_off");
  const records = await loadClaimRecords(signOffs.map((row) => row.claimId));
  for (const row of signOffs) {
    const proposed = records.get(row.claimId)?.proposed;
    row.detail = proposed ? proposedInWords(proposed) : row.detail === null ? null : `Proposed by ${row.detail}`;
  }
  return {
    role: membership.role,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    items: unique.map(({ verdictLabel, verdictOrdinal, ...row }) => ({
      ...row,
      verdict: verdictOrdinal === null ? null : { label: verdictLabel ?? "", ordinal: verdictOrdinal },
      at: row.at.toISOString(),
      href: `/articles/${row.articleId}?claim=${row.claimId}`,
    })),
  };
}
