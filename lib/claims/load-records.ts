import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveClaimRecord, RECORD_ACTIONS, type ClaimRecord, type RecordEvent } from "@/lib/claims/record";
import {
  claimSelect,
  toClaimDTO,
  withCheckedBy,
  type AnsweredClaim,
  type CheckedClaimDTO,
  type ClaimAnswer,
  type ClaimDTO,
} from "@/lib/claims/dto";

/**
 * The record (proposed/verified/reopened/settled by) of each claim in `claimIds`, from one
 * audit query. Input: claim ids the caller is already allowed to see; output: a Map from claim
 * id to ClaimRecord (every id present). `client` lets a transaction read its own writes.
 */
export async function loadClaimRecords(
  claimIds: readonly string[],
  client: Prisma.TransactionClient = db,
): Promise<Map<string, ClaimRecord>> {
  const rows = claimIds.length
    ? await client.auditEvent.findMany({
        where: { claimId: { in: [...claimIds] }, action: { in: [...RECORD_ACTIONS] } },
        orderBy: { id: "asc" },
        select: { claimId: true, action: true, createdAt: true, after: true, actor: { select: { id: true, name: true } } },
      })
    : [];
  const byClaim = new Map<string, RecordEvent[]>(claimIds.map((id) => [id, []]));
  for (const row of rows) if (row.claimId) byClaim.get(row.claimId)?.push(row);
  return new Map([...byClaim].map(([id, events]) => [id, deriveClaimRecord(events)]));
}

/**
 * `claim`, a ClaimDTO just read (in `client`, so a transaction reads its own writes), as GET claim sends it: its verdict
 * with `checkedBy` and `via` from the claim's record (withCheckedBy). One audit query when the claim has a verdict,
 * none without. Changes `claim` in place and returns it. Throws only what the query throws.
 */
export async function checkedClaim(claim: ClaimDTO, client: Prisma.TransactionClient = db): Promise<CheckedClaimDTO> {
  if (!claim.verdict) return withCheckedBy(claim, null);
  return withCheckedBy(claim, (await loadClaimRecords([claim.id], client)).get(claim.id)?.proposed ?? null);
}

/**
 * What a claim write that just changed claim `claimId` (in `client`, so a transaction reads its own write) answers, as
 * its caller asked (`answer`, ClaimAnswer): `{ id }` without reading anything for "id"; for "claim" (or none) the
 * claim read back as GET claim sends it (checkedClaim: one more statement, and one for its record when it has a
 * verdict). Throws Prisma's not-found error when the claim is gone.
 */
export async function answerClaim<A extends ClaimAnswer>(
  claimId: string,
  answer: A | undefined,
  client: Prisma.TransactionClient = db,
): Promise<AnsweredClaim<A>> {
  if (answer === "id") return { id: claimId } as AnsweredClaim<A>;
  const claim = await checkedClaim(
    toClaimDTO(await client.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimSelect })),
    client,
  );
  return claim as AnsweredClaim<A>;
}

/** One audit row of a claim's record as recordEventsJsonSql gives it: action, createdAt (UTC, no zone), actor id and name, after. */
export type RecordEventJson = [action: string, createdAt: string, actorId: string, actorName: string, after: Prisma.JsonValue];

/** The AuditEvent columns a record reads, in the order a relation that stands in for AuditEvent must give them. */
export const RECORD_EVENT_COLUMNS = Prisma.sql`"id", "claimId", "action", "createdAt", "actorId", "after"`;

/**
 * SQL: a correlated subquery with the record's audit rows (RECORD_ACTIONS, oldest first, as loadClaimRecords reads
 * them) of the claim whose id is `claimId` (a column of the outer query), as one JSON array of RecordEventJson; null
 * when it has none. For a statement that reads many claims and must stay one statement (the claims list,
 * lib/claims/claim-pages.ts); read the value back with recordFromJson. Reads that claim's rows through
 * AuditEvent_claimId_id_idx.
 * `written` (optional): a relation of the statement itself with the audit rows it inserts (RECORD_EVENT_COLUMNS, e.g.
 * the `audit` CTE of lib/audit/audited-write.ts), which its own reads of AuditEvent cannot see (every part of a
 * statement reads one snapshot); they are counted too, so a write answers with the record as it stands after it.
 */
export function recordEventsJsonSql(claimId: Prisma.Sql, { written }: { written?: Prisma.Sql } = {}): Prisma.Sql {
  const events = written
    ? Prisma.sql`(SELECT ${RECORD_EVENT_COLUMNS} FROM "AuditEvent" UNION ALL SELECT ${RECORD_EVENT_COLUMNS} FROM ${written}) e`
    : Prisma.sql`"AuditEvent" e`;
  return Prisma.sql`(SELECT json_agg(json_build_array(e.action, e."createdAt", e."actorId", u.name, e.after) ORDER BY e.id)
    FROM ${events} JOIN "User" u ON u.id = e."actorId"
    WHERE e."claimId" = ${claimId} AND e.action IN (${Prisma.join([...RECORD_ACTIONS])}))`;
}

/** The ClaimRecord of a recordEventsJsonSql value (null: no rows). Pure; throws nothing for values of that shape. */
export function recordFromJson(events: readonly RecordEventJson[] | null): ClaimRecord {
  return deriveClaimRecord(
    (events ?? []).map(([action, createdAt, id, name, after]) => ({
      action,
      // A timestamp(3) column holds UTC; JSON gives it without a zone.
      createdAt: new Date(`${createdAt}Z`),
      actor: { id, name },
      after,
    })),
  );
}
