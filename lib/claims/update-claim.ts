import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { correctPublishedClaim } from "@/lib/publish/corrections";
import { claimScope, requireClaimWrite, SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/claims/access";
import { staleClaimError } from "@/lib/claims/conflict";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { statusLabel, verdictByKey } from "@/lib/claims/verdicts";
import { AppError, forbidden } from "@/lib/http/errors";
import type { TSetNumeric, TSetStatus, TSetVerdict } from "@/lib/validation/claims";
import type { TSetClaimant } from "@/lib/validation/claimant";
import { claimantSelect, toClaimantDTO } from "@/lib/claims/claimant";

type Change = {
  data: Prisma.ClaimUncheckedUpdateManyInput;
  action: string;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
  /** Runs first in the transaction (e.g. the published-report check); its result joins `data`. */
  prepare?: (tx: Prisma.TransactionClient) => Promise<Prisma.ClaimUncheckedUpdateManyInput>;
};
type Claimed = Awaited<ReturnType<typeof requireClaimWrite>>;

/**
 * Applies one change to a claim with optimistic locking: the write is scoped to the
 * user's writable teams and to the version the change was based on: the caller's, or the
 * one just read, so a change made in between is never silently overwritten.
 */
async function applyClaimChange(claim: Claimed, userId: string, expectedVersion: number, change: Change): Promise<ClaimDTO> {
  return db.$transaction(async (tx) => {
    const extra = change.prepare ? await change.prepare(tx) : {};
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, ...claimScope(userId, WRITE_ROLES), version: expectedVersion },
      data: { ...change.data, ...extra, updatedById: userId, version: { increment: 1 } },
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
 * Moves a claim through the workflow. Input: the new status, the version the change is based on
 * (optional) and, for a verified claim on a published report, `confirmCorrection` (a public note).
 * Throws 422 for moves the workflow forbids, 403 for sign-off/reopen by non-editors and for the
 * verdict's own author signing off, 409 for a stale version or a published claim without a note.
 */
export async function setClaimStatus({ userId, claimId, status, version, confirmCorrection }: TSetStatus & { userId: string }): Promise<ClaimDTO> {
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
    // A new sign-off replaces what the report kept during a correction.
    data: status === "verified" ? { status, publishedSnapshot: Prisma.DbNull } : { status },
    prepare: (tx) => correctPublishedClaim(tx, { claim, userId, confirm: confirmCorrection, defaultKind: "correction", leavesVerified: true }),
    action,
    before: { status: claim.status },
    after: { status },
  });
}

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

/** Corrects the structured numbers of a claim (the detector's reading is a starting point). */
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

/**
 * Sets who made the claim and where it first appeared (null clears either). Input as
 * ZSetClaimant; on a verified claim of a published report it changes what readers see (and
 * ClaimReview), so it needs `confirmCorrection` from an editor (409/403) and logs an update.
 * Throws 404 outside the team, 403 for viewers, 409 for a stale version.
 */
export async function setClaimClaimant({ userId, claimId, claimant, firstAppearance, version, confirmCorrection }: TSetClaimant & { userId: string }): Promise<ClaimDTO> {
  const claim = await requireClaimWrite(claimId, userId);
  const current = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimantSelect });
  const data = {
    claimantName: claimant?.name ?? null,
    claimantKind: claimant?.kind ?? null,
    claimantDescription: claimant?.description ?? null,
    firstAppearanceUrl: firstAppearance?.url ?? null,
    firstAppearedAt: firstAppearance?.date ? new Date(`${firstAppearance.date}T00:00:00Z`) : null,
  };
  const after = toClaimantDTO(data);
  return applyClaimChange(claim, userId, version ?? claim.version, {
    data,
    prepare: (tx) => correctPublishedClaim(tx, { claim, userId, confirm: confirmCorrection, defaultKind: "update", leavesVerified: false }),
    action: "claim.claimant",
    before: toClaimantDTO(current) as Prisma.InputJsonValue,
    after: after as Prisma.InputJsonValue,
  });
}
