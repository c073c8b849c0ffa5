import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimScope, requireClaimWrite, SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/claims/access";
import { staleClaimError } from "@/lib/claims/conflict";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { statusLabel, verdictByKey } from "@/lib/claims/verdicts";
import { AppError, forbidden } from "@/lib/http/errors";
import type { TSetNumeric, TSetStatus, TSetVerdict } from "@/lib/validation/claims";

type Change = { data: Prisma.ClaimUncheckedUpdateManyInput; action: string; before: Prisma.InputJsonValue; after: Prisma.InputJsonValue };
type Claimed = Awaited<ReturnType<typeof requireClaimWrite>>;

/**
 * Applies one change to a claim with optimistic locking: the write is scoped to the
 * user's writable teams and to the version the change was based on: the caller's, or the
 * one just read, so a change made in between is never silently overwritten.
 */
async function applyClaimChange(claim: Claimed, userId: string, expectedVersion: number, change: Change): Promise<ClaimDTO> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, ...claimScope(userId, WRITE_ROLES), version: expectedVersion },
      data: { ...change.data, updatedById: userId, version: { increment: 1 } },
    });
    if (count === 0) throw await staleClaimError(tx, claim.id);
    await recordClaimAudit(tx, userId, claim, {
      action: change.action,
      before: { ...(change.before as object), version: expectedVersion },
      after: { ...(change.after as object), version: expectedVersion + 1 },
    });
    return toClaimDTO(await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: claimSelect }));
  });
}

const verdictOf = (c: { verdictLabel: string | null; verdictOrdinal: number | null; verdictExplanation: string | null }) =>
  c.verdictOrdinal === null ? null : { verdict: c.verdictLabel, ordinal: c.verdictOrdinal, explanation: c.verdictExplanation };

/**
 * Moves a claim to another status of the workflow, with the optimistic lock `version` (else the version just
 * read). Disputed is never set by hand; Verdict proposed and Verified need a verdict; signing off (Verified) and
 * reopening a verified claim take an editor or admin who did not write the verdict (four-eyes rule). Audited as
 * "claim.status", "claim.verified" or "claim.reopened". Returns the updated ClaimDTO.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer, for a
 * reviewer signing off or reopening, and for the verdict's author signing off; 422 `unprocessable` when the claim
 * already has that status, for Disputed, for leaving Disputed other than to Not check-worthy, or when a verdict is
 * missing; 409 `conflict` when `version` is stale (the message says who changed it and when).
 */
export async function setClaimStatus({ userId, claimId, status, version }: TSetStatus & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  if (claim.status === status) throw new AppError("unprocessable", `The claim is already “${statusLabel(status)}”.`);
  if (status === "disputed") throw new AppError("unprocessable", "A claim becomes Disputed by itself when two independent verdicts differ.");
  if (claim.status === "disputed" && status !== "not_check_worthy") {
    throw new AppError("unprocessable", "This claim is disputed: an editor settles it by setting the verdict.");
  }
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
  return applyClaimChange(claim, userId, version ?? claim.version, {
    data: { status },
    action,
    before: { status: claim.status },
    after: { status },
  });
}

/**
 * Sets the claim's verdict (a key of the scale, with an explanation of 10–5,000 characters) as `userId`, which
 * makes the status Verdict proposed; on a Disputed claim this is an editor settling the dispute
 * ("claim.adjudicated", else "claim.verdict"). Optimistic lock `version` (else the version just read). Returns the
 * updated ClaimDTO.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer and for a
 * reviewer on a disputed claim; 409 `conflict` when the claim is verified (reopen it first) or `version` is stale;
 * 422 `unprocessable` when a reviewer sets the verdict of a double-review claim directly (submitReviewVerdict is
 * the way).
 */
export async function setClaimVerdict({ userId, claimId, verdict, explanation, version }: TSetVerdict & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  if (claim.status === "verified") {
    throw new AppError("conflict", "This claim is verified. An editor must reopen it before the verdict can change.");
  }
  const editor = SIGN_OFF_ROLES.includes(claim.role);
  if (claim.status === "disputed" && !editor) throw forbidden("This claim is disputed: an editor settles the verdict.");
  if (claim.requiresDoubleReview && claim.status !== "disputed" && !editor) {
    throw new AppError("unprocessable", "This claim needs two independent verdicts: submit yours with “Submit my verdict”.");
  }
  const scale = verdictByKey(verdict);
  return applyClaimChange(claim, userId, version ?? claim.version, {
    data: {
      verdictOrdinal: scale.ordinal,
      verdictLabel: scale.label,
      verdictExplanation: explanation,
      verdictById: userId,
      verdictAt: new Date(),
      status: "verdict_proposed",
    },
    action: claim.status === "disputed" ? "claim.adjudicated" : "claim.verdict",
    before: { status: claim.status, verdict: verdictOf(claim) },
    after: { status: "verdict_proposed", verdict: { verdict: scale.label, ordinal: scale.ordinal, explanation } },
  });
}

/**
 * Corrects the structured numbers of a claim (value, unit, share of, subject, place, period, approximate; the
 * detector's reading is a starting point), with the optimistic lock `version` (else the version just read).
 * Audited as "claim.numeric" with the previous numbers. Returns the updated ClaimDTO.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer;
 * 409 `conflict` when `version` is stale.
 */
export async function setClaimNumeric({ userId, claimId, numeric, version }: TSetNumeric & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  const current = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { numeric: true } });
  return applyClaimChange(claim, userId, version ?? claim.version, {
    data: { numeric },
    action: "claim.numeric",
    before: { numeric: current.numeric ?? null },
    after: { numeric },
  });
}
