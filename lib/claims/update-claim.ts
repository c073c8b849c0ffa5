import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimScope, requireClaimWrite, SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/claims/access";
import { staleClaimError } from "@/lib/claims/conflict";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { statusLabel, verdictByKey } from "@/lib/claims/verdicts";
import { AppError, forbidden } from "@/lib/http/errors";
import type { TSetStatus, TSetVerdict } from "@/lib/validation/claims";

type Change = { data: Prisma.ClaimUncheckedUpdateManyInput; action: string; detail: Prisma.InputJsonValue };

/**
 * Applies one change to a claim with optimistic locking: the write is scoped to the
 * user's writable teams and to the version the change was based on: the caller's, or the
 * one just read, so a change made in between is never silently overwritten.
 */
async function applyClaimChange(claimId: string, userId: string, expectedVersion: number, change: Change): Promise<ClaimDTO> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, ...claimScope(userId, WRITE_ROLES), version: expectedVersion },
      data: { ...change.data, updatedById: userId, version: { increment: 1 } },
    });
    if (count === 0) throw await staleClaimError(tx, claimId);
    await tx.claimEvent.create({ data: { claimId, actorId: userId, action: change.action, detail: change.detail } });
    return toClaimDTO(await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimSelect }));
  });
}

export async function setClaimStatus({ userId, claimId, status, version }: TSetStatus & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  if (claim.status === status) throw new AppError("unprocessable", `The claim is already “${statusLabel(status)}”.`);
  const hasVerdict = claim.verdictOrdinal !== null;
  if ((status === "verdict_proposed" || status === "verified") && !hasVerdict) {
    throw new AppError("unprocessable", "Set a verdict with an explanation first.");
  }
  if (status === "verified" || claim.status === "verified") {
    if (!SIGN_OFF_ROLES.includes(claim.role)) throw forbidden("Only an editor can sign off or reopen a verified claim.");
  }
  if (status === "verified" && claim.verdictById === userId) {
    throw forbidden("Someone other than the verdict's author must sign it off (four-eyes rule).");
  }
  const action = claim.status === "verified" ? "claim.reopened" : status === "verified" ? "claim.verified" : "claim.status";
  return applyClaimChange(claimId, userId, version ?? claim.version, {
    data: { status },
    action,
    detail: { from: claim.status, to: status },
  });
}

export async function setClaimVerdict({ userId, claimId, verdict, explanation, version }: TSetVerdict & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  if (claim.status === "verified") {
    throw new AppError("conflict", "This claim is verified. An editor must reopen it before the verdict can change.");
  }
  const scale = verdictByKey(verdict);
  return applyClaimChange(claimId, userId, version ?? claim.version, {
    data: {
      verdictOrdinal: scale.ordinal,
      verdictLabel: scale.label,
      verdictExplanation: explanation,
      verdictById: userId,
      verdictAt: new Date(),
      status: "verdict_proposed",
    },
    action: "claim.verdict",
    detail: { verdict: scale.label, explanation, previousStatus: claim.status },
  });
}
