import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inOneStatement, inTransaction, type DbClient } from "@/lib/db";
import { changeClaimInOneStatement } from "@/lib/claims/change-claim-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { correctPublishedClaim, markFirstPublished } from "@/lib/publish/corrections";
import { claimScope } from "@/lib/access/scope";
import { requireClaimRoleUnchanged, requireClaimWrite, type WritableClaim } from "@/lib/access/require";
import { rightsOf } from "@/lib/access/roles";
import { failedClaimWrite, refuseStaleVersion } from "@/lib/claims/conflict";
import type { AnsweredClaim, ClaimAnswer } from "@/lib/claims/dto";
import { answerClaim } from "@/lib/claims/load-records";
import { verdictForClaim, verdictOnScale } from "@/lib/teams/team-scale";
import { claimantLock, statusChangeAction, statusChangeRefusal, verdictChangeRefusal, type Refusal } from "@/lib/claims/workflow";
import { AppError } from "@/lib/http/errors";
import { claimReviewerIds, notify } from "@/lib/notifications/notify";
import type { TSetNumeric, TSetStatus, TSetVerdict } from "@/lib/validation/claims";
import type { TSetClaimant } from "@/lib/validation/claimant";
import { claimantSelect, toClaimantDTO } from "@/lib/claims/claimant";
import { judgeSignOff } from "@/lib/claims/sign-off";

type Change = { data: Prisma.ClaimUncheckedUpdateManyInput; action: string; before: Prisma.InputJsonValue; after: Prisma.InputJsonValue };

/**
 * Applies one change to a claim with optimistic locking: the write is scoped to the user's membership of the claim's
 * team with the role the workflow's rules were judged on (`claim.role`, as changeClaimInOneStatement does), and to the
 * version the change was based on: the caller's, or the one just read, so a change made in between is never silently
 * overwritten, and an editor demoted or removed after the check signs off, reopens or settles nothing (403 / 404,
 * requireClaimRoleUnchanged). Answers as `answer` asks (answerClaim).
 */
async function applyClaimChange<A extends ClaimAnswer>(
  tx: Prisma.TransactionClient,
  claim: WritableClaim,
  userId: string,
  expectedVersion: number,
  change: Change,
  answer: A | undefined,
): Promise<AnsweredClaim<A>> {
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, ...claimScope(userId, [claim.role]), version: expectedVersion },
    data: { ...change.data, updatedById: userId, version: { increment: 1 } },
  });
  if (count === 0) throw await failedClaimWrite(tx, claim.id, () => requireClaimRoleUnchanged(claim, userId, tx));
  await recordClaimAudit(tx, userId, claim, {
    action: change.action,
    before: { ...(change.before as object), version: expectedVersion },
    after: { ...(change.after as object), version: expectedVersion + 1 },
  });
  return answerClaim(claim.id, answer, tx);
}

const verdictOf = (c: { verdictLabel: string | null; verdictOrdinal: number | null; verdictExplanation: string | null }) =>
  c.verdictOrdinal === null ? null : { verdict: c.verdictLabel, ordinal: c.verdictOrdinal, explanation: c.verdictExplanation };

/**
 * Moves a claim to another status of the workflow, with the optimistic lock `version` (else the version just
 * read). Disputed is never set by hand; Verdict proposed and Verified need a verdict; signing off (Verified) and
 * reopening a verified claim take an editor or admin who did not write the verdict (four-eyes rule); under double
 * review a sign-off waits for both independent reviews (agreeing, or settled by an editor). Audited as
 * "claim.status", "claim.verified" or "claim.reopened". Returns the updated claim as GET claim sends it (CheckedClaimDTO).
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer, for a
 * reviewer signing off or reopening, and for the verdict's author signing off; 422 `unprocessable` when the claim
 * already has that status, for Disputed, for leaving Disputed other than to Not check-worthy, or when a verdict is
 * missing; 409 `conflict` when `version` is stale (the message says who changed it and when) and for a sign-off
 * that waits for its double review (rules `sign_off_waits_for_reviews`, `sign_off_waits_for_settlement`).
 */
const refused = (refusal: Refusal) => new AppError(refusal.code, refusal.message);

// Status and verdict changes read the claim before their transaction, as they always have:
// writers who all started from one version judge the rules on that version, and all but the
// first get the 409 naming who changed it (not a 422 about a state they never saw). The
// write itself is scoped and versioned, so a role lost in between still stops it.

/**
 * What every claim write below takes besides its input: `answer`, what it answers with (ClaimAnswer: the claim as GET
 * claim sends it by default, or only its id for a caller that reads the claim again its own way).
 */
type Answering<A extends ClaimAnswer> = { answer?: A };

/**
 * Moves a claim to another status, by the rules of lib/claims/workflow.ts (statusChangeRefusal).
 * Input: the user, the claim, the new status and the claim `version` they saw (optional: the
 * version just read when omitted), `answer` (Answering); runs in `client` when it is a transaction. Output: the claim
 * after the change as GET claim sends it (CheckedClaimDTO), or `{ id }` for `answer: "id"`; a sign-off (Verified) notifies the claim's reviewers (lib/notifications).
 * Throws 404 when the claim is not in the user's teams, the workflow's 403/409/422 refusals (a sign-off judged under the
 * claim's row lock: lib/claims/sign-off.ts judgeSignOff), 409 naming who changed the claim when `version` is stale. Taking a verified
 * claim of a published report out of Verified also needs `confirmCorrection` (a public note) from an editor:
 * 409 with a `confirmCorrection` field error without it, 403 for a reviewer (lib/publish/corrections.ts).
 */
export async function setClaimStatus<A extends ClaimAnswer = "claim">(
  { userId, claimId, status, version, confirmCorrection, answer }: TSetStatus & { userId: string } & Answering<A>,
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  const claim = await requireClaimWrite(claimId, userId, client);
  await refuseStaleVersion(client, claim, version);
  const actor = { userId, ...rightsOf(claim.role) };
  // A sign-off is judged in its transaction, under the claim's row lock (judgeSignOff): it also reads who reviewed
  // the claim and whether its double review is complete, which change without the claim's version.
  if (status !== "verified") {
    const refusal = statusChangeRefusal({
      actor,
      from: claim.status,
      to: status,
      hasVerdict: claim.verdictOrdinal !== null,
      verdictById: claim.verdictById,
      doubleReview: null,
    });
    if (refusal) throw refused(refusal);
  }
  // Neither a sign-off (notifies the reviewers) nor a change to a verified claim (may need a correction): the
  // write, its audit row and NOTIFY go as one statement, guarded by the version and status the rules were judged on.
  if (status !== "verified" && claim.status !== "verified") {
    const changed = await inOneStatement(client, (c) =>
      changeClaimInOneStatement(
        c,
        claim,
        userId,
        version ?? claim.version,
        {
          set: Prisma.sql`"status" = ${status}::"ClaimStatus"`,
          action: statusChangeAction(claim.status, status),
          before: { status: claim.status },
          after: { status },
        },
        answer,
      ),
    );
    // Nothing changed: a stale version or lost access; the full path below answers 409 or 404 as it always has.
    if (changed) return changed;
  }
  return inTransaction(client, async (tx) => {
    const expectedVersion = version ?? claim.version;
    const current = status === "verified" ? await judgeSignOff(tx, { claimId, userId, expectedVersion }) : claim;
    const changed = await applyClaimChange(
      tx,
      current,
      userId,
      expectedVersion,
      {
        // A new sign-off replaces what the report kept during a correction.
        data: {
          ...(status === "verified" ? { status, publishedSnapshot: Prisma.DbNull } : { status }),
          ...(await correctPublishedClaim(tx, {
            claim: current,
            userId,
            confirm: confirmCorrection,
            defaultKind: "correction",
            leavesVerified: true,
          })),
        },
        action: statusChangeAction(current.status, status),
        before: { status: current.status },
        after: { status },
      },
      answer,
    );
    if (status === "verified") {
      await markFirstPublished(tx, claimId);
      const recipientIds = await claimReviewerIds(tx, claimId);
      await notify(tx, { kind: "sign_off", teamId: claim.teamId, actorId: userId, recipientIds, articleId: claim.articleId, claimId });
    }
    return changed;
  });
}

/**
 * Sets (and so proposes) the claim's verdict, by the rules of lib/claims/workflow.ts
 * (verdictChangeRefusal); on a disputed claim this is the editor's adjudication.
 * Input: the user, the claim, a verdict key, the explanation and the claim `version` they saw
 * (optional), `answer` (Answering); runs in `client` when it is a transaction. Output: the claim after the change
 * (CheckedClaimDTO, or `{ id }` for `answer: "id"`).
 * Throws 404 when the claim is not in the user's teams, the workflow's 403/409/422 refusals,
 * 409 naming who changed the claim when `version` is stale.
 */
export async function setClaimVerdict<A extends ClaimAnswer = "claim">(
  { userId, claimId, verdict, explanation, version, answer }: TSetVerdict & { userId: string } & Answering<A>,
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  // Without double review nothing needs the row lock: read, judge, then one guarded statement (issue #21).
  const read = await requireClaimWrite(claimId, userId, client);
  await refuseStaleVersion(client, read, version);
  if (!read.requiresDoubleReview) {
    const refusal = verdictChangeRefusal({
      actor: rightsOf(read.role),
      status: read.status,
      requiresDoubleReview: false,
      reviewsSubmitted: 0,
    });
    if (refusal) throw refused(refusal);
    const scale = verdictOnScale(read.ratingScale, verdict);
    const changed = await inOneStatement(client, (c) =>
      changeClaimInOneStatement(
        c,
        read,
        userId,
        version ?? read.version,
        {
          set: Prisma.sql`"verdictOrdinal" = ${scale.ordinal}, "verdictLabel" = ${scale.label}, "verdictKey" = ${scale.key}, "verdictExplanation" = ${explanation},
                        "verdictById" = ${userId}, "verdictAt" = now(), "status" = 'verdict_proposed'`,
          // Double review switched on in between changes the version too; checked again all the same.
          guard: Prisma.sql`AND c."requiresDoubleReview" = false`,
          action: read.status === "disputed" ? "claim.adjudicated" : "claim.verdict",
          before: { status: read.status, verdict: verdictOf(read) },
          after: { status: "verdict_proposed", verdict: { verdict: scale.label, ordinal: scale.ordinal, explanation } },
        },
        answer,
      ),
    );
    if (changed) return changed;
  }
  return inTransaction(client, async (tx) => {
    // Checked under the claim's row lock, which submitReviewVerdict also takes: an independent
    // verdict cannot land between counting them and writing this one.
    const claim = await requireClaimWrite(claimId, userId, tx);
    if (claim.requiresDoubleReview) await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "id" = ${claimId} FOR UPDATE`;
    await refuseStaleVersion(tx, claim, version);
    const refusal = verdictChangeRefusal({
      actor: rightsOf(claim.role),
      status: claim.status,
      requiresDoubleReview: claim.requiresDoubleReview,
      reviewsSubmitted: claim.requiresDoubleReview ? await tx.reviewVerdict.count({ where: { claimId } }) : 0,
    });
    if (refusal) throw refused(refusal);
    const scale = await verdictForClaim(tx, claimId, verdict);
    return applyClaimChange(
      tx,
      claim,
      userId,
      version ?? claim.version,
      {
        data: {
          verdictOrdinal: scale.ordinal,
          verdictLabel: scale.label,
          verdictKey: scale.key,
          verdictExplanation: explanation,
          verdictById: userId,
          verdictAt: new Date(),
          status: "verdict_proposed",
        },
        action: claim.status === "disputed" ? "claim.adjudicated" : "claim.verdict",
        before: { status: claim.status, verdict: verdictOf(claim) },
        after: { status: "verdict_proposed", verdict: { verdict: scale.label, ordinal: scale.ordinal, explanation } },
      },
      answer,
    );
  });
}

/**
 * Corrects the structured numbers of a claim (value, unit, share of, subject, place, period, approximate; the
 * detector's reading is a starting point), with the optimistic lock `version` (else the version just read).
 * Audited as "claim.numeric" with the previous numbers. Returns the updated CheckedClaimDTO (`{ id }` for `answer: "id"`, Answering).
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer;
 * 409 `conflict` when `version` is stale.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function setClaimNumeric<A extends ClaimAnswer = "claim">(
  { userId, claimId, numeric, version, answer }: TSetNumeric & { userId: string } & Answering<A>,
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { numeric: true } });
    return applyClaimChange(
      tx,
      claim,
      userId,
      version ?? claim.version,
      {
        data: { numeric },
        action: "claim.numeric",
        before: { numeric: current.numeric ?? null },
        after: { numeric },
      },
      answer,
    );
  });
}

/**
 * Sets who made the claim and where it first appeared (null clears either). Input as
 * ZSetClaimant; on a verified claim only an editor or admin may (claimantLock: it is part of the signed-off record),
 * and on a published report it changes what readers see (and ClaimReview), so it needs `confirmCorrection` (409)
 * and logs an update.
 * Output: the claim after the change (CheckedClaimDTO, or `{ id }` for `answer: "id"`, Answering). Throws 404 outside
 * the team, 403 for viewers and for a non-editor on a verified claim, 409 for a stale version or a missing correction
 * note. Runs in `client` when it is a transaction.
 */
export async function setClaimClaimant<A extends ClaimAnswer = "claim">(
  { userId, claimId, claimant, firstAppearance, version, confirmCorrection, answer }: TSetClaimant & { userId: string } & Answering<A>,
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    // Judged on the status just read; the versioned write below refuses (409) if a sign-off lands in between.
    const lock = claimantLock({ actor: rightsOf(claim.role), status: claim.status });
    if (lock) throw refused(lock);
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: claimantSelect });
    const data = {
      claimantName: claimant?.name ?? null,
      claimantKind: claimant?.kind ?? null,
      claimantDescription: claimant?.description ?? null,
      firstAppearanceUrl: firstAppearance?.url ?? null,
      firstAppearedAt: firstAppearance?.date ? new Date(`${firstAppearance.date}T00:00:00Z`) : null,
    };
    await correctPublishedClaim(tx, { claim, userId, confirm: confirmCorrection, defaultKind: "update", leavesVerified: false });
    return applyClaimChange(
      tx,
      claim,
      userId,
      version ?? claim.version,
      {
        data,
        action: "claim.claimant",
        before: toClaimantDTO(current) as Prisma.InputJsonValue,
        after: toClaimantDTO(data) as Prisma.InputJsonValue,
      },
      answer,
    );
  });
}
