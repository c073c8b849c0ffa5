import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/**
 * Builds (does not throw) the error for a write whose optimistic lock (`version`) was stale: a 409 `conflict`
 * that names who changed the claim last, at what time (HH:MM:SS UTC) and its version now, or a 404 `not_found`
 * when the claim was deleted meanwhile. Reads the claim with `tx`, so call it inside the failed write's
 * transaction; the caller throws the result.
 */
export async function staleClaimError(tx: Prisma.TransactionClient, claimId: string): Promise<AppError> {
  const current = await tx.claim.findUnique({
    where: { id: claimId },
    select: { version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  if (!current) return new AppError("not_found", "That claim no longer exists.");
  return new AppError(
    "conflict",
    `${current.updatedBy.name} changed this claim at ${time.format(current.updatedAt)} UTC (now version ${current.version}). ` +
      "Reload to see their change, then apply yours again.",
  );
}

/**
 * The error for a scoped, versioned claim write that matched no row. `recheck` is the access
 * check the write was scoped by (e.g. requireClaimWrite in the same transaction): it throws its
 * 404/403 when the user lost access meanwhile. Otherwise the claim changed since the expected
 * version, and the result is the 409 from staleClaimError naming who changed it.
 */
export async function failedClaimWrite(tx: Prisma.TransactionClient, claimId: string, recheck: () => Promise<unknown>): Promise<AppError> {
  await recheck();
  return staleClaimError(tx, claimId);
}

/**
 * Throws the 409 from staleClaimError when the caller sent a `version` (the one they saw) and the claim as read is
 * at another: the workflow's rules judged on a state the caller never saw would answer a misleading 422 or 403
 * (found with 50 writers sending one change at one version, lib/audit/audit.int.test.ts). No `version`: nothing
 * to check. Call after the access check and before the workflow's.
 */
export async function refuseStaleVersion(client: Prisma.TransactionClient, claim: { id: string; version: number }, version?: number) {
  if (version !== undefined && version !== claim.version) throw await staleClaimError(client, claim.id);
}
