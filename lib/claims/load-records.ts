import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveClaimRecord, RECORD_ACTIONS, type ClaimRecord, type RecordEvent } from "@/lib/claims/record";

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

/** One audit row of a claim's record as recordEventsJsonSql gives it: action, createdAt (UTC, no zone), actor id and name, after. */
export type RecordEventJson = [action: string, createdAt: string, actorId: string, actorName: string, after: Prisma.JsonValue];

/**
 * SQL: a correlated subquery with the record's audit rows (RECORD_ACTIONS, oldest first, as loadClaimRecords reads
 * them) of the claim whose id is `claimId` (a column of the outer query), as one JSON array of RecordEventJson; null
 * when it has none. For a statement that reads many claims and must stay one statement (the claims list,
 * lib/claims/claim-pages.ts); read the value back with recordFromJson. Reads that claim's rows through
 * AuditEvent_claimId_id_idx.
 */
export function recordEventsJsonSql(claimId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_array(e.action, e."createdAt", e."actorId", u.name, e.after) ORDER BY e.id)
    FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId"
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
