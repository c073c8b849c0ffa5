// The claim writes of the hot API paths as single statements (issue #21): the scoped, versioned change, its audit
// row and NOTIFY, and the ClaimDTO read back, in one round trip instead of a transaction of seven to twelve.
// Callers judge the workflow rules first on what they read, and fall back to their full path (which answers 409,
// 404 or 403 exactly) when the statement changed nothing. The claim comes back as GET claim sends it: its verdict
// says who checked it, from the record the statement leaves (its own audit row included).
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import type { WritableClaim } from "@/lib/access/require";
import { articleMemberJoin } from "@/lib/access/scope-sql";
import { WRITE_ROLES } from "@/lib/access/roles";
import { auditedWriteSql } from "@/lib/audit/audited-write";
import { toClaimDTO, withCheckedBy, type AnsweredClaim, type CheckedClaimDTO, type ClaimAnswer, type ClaimRow } from "@/lib/claims/dto";
import { recordEventsJsonSql, recordFromJson, type RecordEventJson } from "@/lib/claims/load-records";

/** The Claim columns claimSelect reads, from a relation aliased `c`. */
const CLAIM_COLUMNS = Prisma.sql`c."id", c."articleId", c."exact", c."prefix", c."suffix", c."start", c."end", c."status"::text AS "status",
  c."verdictOrdinal", c."verdictLabel", c."verdictKey", c."verdictExplanation", c."verdictAt", c."verdictById", c."version", c."createdAt", c."updatedAt",
  c."anchorStatus"::text AS "anchorStatus", c."anchorVersion", c."anchorConfidence", c."anchorMethod", c."commentCount", c."evidenceCount",
  c."createdById", c."updatedById"`;

/** A ClaimRow (what toClaimDTO reads) with its people as ids and names in columns of their own, and its record. */
type FlatClaimRow = Omit<ClaimRow, "createdBy" | "updatedBy" | "verdictBy"> & {
  createdById: string;
  updatedById: string;
  verdictById: string | null;
  createdByName: string;
  updatedByName: string;
  verdictByName: string | null;
  /** The record's audit rows, this statement's included, when the claim has a verdict (recordEventsJsonSql), else null. */
  recordEvents: RecordEventJson[] | null;
};

/**
 * Selects `written` (CLAIM_COLUMNS) with the names of the people it refers to and, for a claim with a verdict, its
 * record's audit rows: those already stored and the one `audit` inserts, which the statement's snapshot cannot see.
 */
const WITH_PEOPLE = {
  select: Prisma.sql`written.*, cb."name" AS "createdByName", ub."name" AS "updatedByName", vb."name" AS "verdictByName",
    CASE WHEN written."verdictOrdinal" IS NULL THEN NULL
         ELSE ${recordEventsJsonSql(Prisma.sql`written."id"`, { written: Prisma.sql`audit` })} END AS "recordEvents"`,
  from: Prisma.sql`JOIN "User" cb ON cb."id" = written."createdById" JOIN "User" ub ON ub."id" = written."updatedById"
                   LEFT JOIN "User" vb ON vb."id" = written."verdictById"`,
};

/** Selects only the id of `written`: what a write asked for ClaimAnswer "id" answers (no people, no record). */
const ID_ONLY = { select: Prisma.sql`written."id"` };

/** The statement's columns for `answer` (ClaimAnswer), and the row they give as that answer. */
function answerOf<A extends ClaimAnswer>(answer: A | undefined) {
  return {
    columns: answer === "id" ? ID_ONLY : WITH_PEOPLE,
    answered: (row: FlatClaimRow): AnsweredClaim<A> => (answer === "id" ? { id: row.id } : toDTO(row)) as AnsweredClaim<A>,
  };
}

function toDTO(row: FlatClaimRow): CheckedClaimDTO {
  const { createdById, updatedById, verdictById, createdByName, updatedByName, verdictByName, recordEvents, ...rest } = row;
  const claim = toClaimDTO({
    ...rest,
    createdBy: { id: createdById, name: createdByName },
    updatedBy: { id: updatedById, name: updatedByName },
    verdictBy: verdictById === null ? null : { id: verdictById, name: verdictByName ?? "" },
  });
  return withCheckedBy(claim, recordEvents && recordFromJson(recordEvents).proposed);
}

type Json = PrismaTypes.InputJsonValue;

/**
 * Changes claim `claim.id` in ONE statement: `set` (SQL assignments) plus updatedBy, version + 1 and updatedAt,
 * only while the claim still has `expectedVersion` and the status `claim.status` (what the caller judged the rules
 * on), `guard` (more SQL conditions on `c`) holds, and the user still has the role `claim.role` in its team (not
 * archived); with the audit row (`action`, before/after with the versions added) and its NOTIFY. Output: the claim
 * after the change as GET claim sends it (CheckedClaimDTO: its verdict's checkedBy and via from its record, this
 * change included), or only `{ id }` when `answer` is "id" (ClaimAnswer: the statement then reads neither people nor
 * record); null when nothing was changed (nothing was audited either).
 */
export async function changeClaimInOneStatement<A extends ClaimAnswer = "claim">(
  client: DbClient,
  claim: WritableClaim,
  userId: string,
  expectedVersion: number,
  change: { set: Prisma.Sql; guard?: Prisma.Sql; action: string; before: Record<string, Json | null>; after: Record<string, Json | null> },
  answer?: A,
): Promise<AnsweredClaim<A> | null> {
  const { columns, answered } = answerOf(answer);
  const rows = await client.$queryRaw<FlatClaimRow[]>(
    auditedWriteSql({
      ctes: Prisma.sql`
        written AS (
          UPDATE "Claim" c SET ${change.set}, "updatedById" = ${userId}, "version" = c."version" + 1, "updatedAt" = now()
          FROM "Article" a ${articleMemberJoin(userId, [claim.role])}
          WHERE c."id" = ${claim.id} AND a."id" = c."articleId" AND c."version" = ${expectedVersion}
            AND c."status"::text = ${claim.status} ${change.guard ?? Prisma.empty}
          RETURNING ${CLAIM_COLUMNS}, a."teamId"
        ),
        target AS (SELECT written."teamId", written."articleId", written."id" AS "claimId" FROM written)`,
      change: {
        actorId: userId,
        entity: "claim",
        action: change.action,
        before: { ...change.before, version: expectedVersion },
        after: { ...change.after, version: expectedVersion + 1 },
      },
      ...columns,
    }),
  );
  return rows[0] ? answered(rows[0]) : null;
}

/** A new claim as createClaim stores it (target already checked against the article text of `articleVersion`). */
export type NewClaim = {
  id: string;
  articleId: string;
  articleVersion: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  numeric: Json | null;
};

/**
 * Stores a new claim in ONE statement, only while the article is still at `articleVersion` (its row share-locked
 * for the statement, as lockArticleText does, so a new version cannot slip in) and the user still writes in its
 * team; the claim takes the article's double-review setting and is audited as "claim.created" with its NOTIFY.
 * Output: the new claim as a CheckedClaimDTO (without a verdict yet), or only `{ id }` when `answer` is "id"
 * (ClaimAnswer); null when nothing was stored.
 */
export async function insertClaimInOneStatement<A extends ClaimAnswer = "claim">(
  client: DbClient,
  userId: string,
  claim: NewClaim,
  answer?: A,
): Promise<AnsweredClaim<A> | null> {
  const { columns, answered } = answerOf(answer);
  const rows = await client.$queryRaw<FlatClaimRow[]>(
    auditedWriteSql({
      ctes: Prisma.sql`
        locked AS (
          SELECT a."id", a."teamId", a."version", a."requiresDoubleReview" FROM "Article" a ${articleMemberJoin(userId, WRITE_ROLES)}
          WHERE a."id" = ${claim.articleId} AND a."version" = ${claim.articleVersion}
          FOR SHARE OF a
        ),
        written AS (
          INSERT INTO "Claim" AS c ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "requiresDoubleReview", "anchorVersion",
                                    "numeric", "createdById", "updatedById", "updatedAt")
          SELECT ${claim.id}, locked."id", ${claim.exact}, ${claim.prefix}, ${claim.suffix}, ${claim.start}, ${claim.end},
                 locked."requiresDoubleReview", locked."version", ${claim.numeric === null ? null : JSON.stringify(claim.numeric)}::jsonb,
                 ${userId}, ${userId}, now()
          FROM locked
          RETURNING ${CLAIM_COLUMNS}
        ),
        target AS (SELECT locked."teamId", locked."id" AS "articleId", written."id" AS "claimId" FROM locked, written)`,
      change: {
        actorId: userId,
        entity: "claim",
        action: "claim.created",
        after: { exact: claim.exact, start: claim.start, end: claim.end, status: "unreviewed", version: 1 },
      },
      ...columns,
    }),
  );
  return rows[0] ? answered(rows[0]) : null;
}
