import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
