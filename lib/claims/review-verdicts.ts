import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimWrite } from "@/lib/access/require";
import { rightsOf, WRITE_ROLES } from "@/lib/access/roles";
import { claimScope } from "@/lib/access/scope";
import { failedClaimWrite } from "@/lib/claims/conflict";
import { storedVerdictKey } from "@/lib/claims/verdicts";
import { verdictForClaim } from "@/lib/teams/team-scale";
import { REVIEWS_NEEDED, reviewsAgree, reviewSubmissionRefusal, signOffReviewsOf } from "@/lib/claims/workflow";
import { AppError } from "@/lib/http/errors";
import { claimReviewerIds, notify, teamEditorIds } from "@/lib/notifications/notify";
import type { TSubmitReview } from "@/lib/validation/team";
import type { ClaimRecord } from "@/lib/claims/record";

export type ReviewDTO = {
  reviewer: { id: string; name: string };
  verdict: { key: string | null; label: string; ordinal: number };
  explanation: string;
  at: string;
};

export type DoubleReviewDTO = {
  required: boolean;
  submitted: number;
  needed: number;
  /** Only the viewer's own verdict until every verdict is in, so nobody anchors on another's. */
  visible: ReviewDTO[];
  mine: boolean;
  /** Once both verdicts are in: whether they were the same (rating and label). Null before (and without double review). */
  agreed: boolean | null;
  /**
   * Whether the claim's verdict was written once both verdicts were in: theirs when they agreed, or an editor's
   * settlement. With `required`, `submitted` and `agreed`, what a sign-off waits for (workflow.ts SignOffReviews).
   */
  verdictAfterReviews: boolean;
  /** The editor's settlement of a disagreement, with the reason (from the audit trail). */
  settlement: ClaimRecord["settled"];
};

type ReviewRow = {
  ordinal: number;
  label: string;
  key: string | null;
  explanation: string;
  updatedAt: Date;
  reviewer: { id: string; name: string };
};

const toReviewDTO = (r: ReviewRow): ReviewDTO => ({
  reviewer: r.reviewer,
  verdict: { key: storedVerdictKey(r.key, r.ordinal), label: r.label, ordinal: r.ordinal },
  explanation: r.explanation,
  at: r.updatedAt.toISOString(),
});

export const reviewSelect = {
  ordinal: true,
  label: true,
  key: true,
  explanation: true,
  updatedAt: true,
  reviewer: { select: { id: true, name: true } },
} as const;

/**
 * The double-review state as `viewerId` may see it: whether it is required, how many of REVIEWS_NEEDED (2)
 * verdicts are in, whether one is the viewer's, and the verdicts themselves (dates ISO 8601) — only the viewer's
 * own until both are in, so nobody anchors on another's — then whether they agreed (from the verdicts
 * themselves, not the claim's current status, which moves on once an editor settles a dispute), whether the claim's
 * verdict (written at `verdictAt`, null: none) came after them (signOffReviewsOf), and the settlement when `settled`
 * is given. Pure.
 */
export function doubleReviewView(
  required: boolean,
  reviews: ReviewRow[],
  viewerId: string,
  verdictAt: Date | null,
  settled: ClaimRecord["settled"] = null,
): DoubleReviewDTO {
  const complete = reviews.length >= REVIEWS_NEEDED;
  const signOff = signOffReviewsOf(
    required,
    reviews.map((r) => ({ ordinal: r.ordinal, label: r.label, at: r.updatedAt })),
    verdictAt,
  );
  return {
    agreed: signOff.agreed,
    verdictAfterReviews: signOff.verdictAfterReviews,
    settlement: complete ? settled : null,
    required,
    submitted: reviews.length,
    needed: REVIEWS_NEEDED,
    visible: reviews.filter((r) => complete || r.reviewer.id === viewerId).map(toReviewDTO),
    mine: reviews.some((r) => r.reviewer.id === viewerId),
  };
}

/**
 * Records (or, while the other is still missing, replaces) one reviewer's independent verdict on a
 * double-review claim. When the second arrives, matching verdicts become the claim's proposed verdict
 * (explanations joined, the second reviewer as its author); differing ones put the claim in "Disputed" for an
 * editor, and its reviewers and the team's editors get a dispute notification. The claim row is locked first (SELECT … FOR UPDATE) so two verdicts arriving together cannot both
 * think they were first. Audited as "review.submitted". Returns doubleReviewView for the submitter.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer;
 * 422 `unprocessable` when the claim does not use double review; 409 `conflict` when both verdicts are already
 * in or the claim is verified.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function submitReviewVerdict(
  { userId, claimId, verdict, explanation }: TSubmitReview & { userId: string },
  client: DbClient = db,
): Promise<DoubleReviewDTO> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    const scale = await verdictForClaim(tx, claimId, verdict);
    await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "id" = ${claimId} FOR UPDATE`;
    const current = await tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: { status: true, version: true, requiresDoubleReview: true, verdictAt: true },
    });
    const existing = await tx.reviewVerdict.findMany({ where: { claimId }, select: reviewSelect });
    const refusal = reviewSubmissionRefusal({
      actor: rightsOf(claim.role),
      status: current.status,
      doubleReview: { required: current.requiresDoubleReview, submitted: existing.length },
    });
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const before = existing.find((r) => r.reviewer.id === userId);
    await tx.reviewVerdict.upsert({
      where: { claimId_reviewerId: { claimId, reviewerId: userId } },
      create: { claimId, reviewerId: userId, ordinal: scale.ordinal, label: scale.label, key: scale.key, explanation },
      update: { ordinal: scale.ordinal, label: scale.label, key: scale.key, explanation },
    });
    const reviews = await tx.reviewVerdict.findMany({ where: { claimId }, select: reviewSelect, orderBy: { createdAt: "asc" } });
    let outcome: "waiting" | "agreed" | "disputed" = "waiting";
    let verdictAt = current.verdictAt;
    if (reviews.length >= REVIEWS_NEEDED) {
      const agreed = reviewsAgree(reviews);
      outcome = agreed ? "agreed" : "disputed";
      if (agreed) verdictAt = new Date();
      const { count } = await tx.claim.updateMany({
        where: { id: claimId, version: current.version, ...claimScope(userId, WRITE_ROLES) },
        data: agreed
          ? {
              status: "verdict_proposed",
              verdictOrdinal: scale.ordinal,
              verdictLabel: scale.label,
              verdictKey: scale.key,
              verdictExplanation: reviews.map((r) => `${r.reviewer.name}: ${r.explanation}`).join("\n\n"),
              verdictById: userId,
              verdictAt,
              updatedById: userId,
              version: { increment: 1 },
            }
          : { status: "disputed", updatedById: userId, version: { increment: 1 } },
      });
      if (count === 0) throw await failedClaimWrite(tx, claimId, () => requireClaimWrite(claimId, userId, tx));
    }
    // The audit row keeps the verdict itself out of the live feed's text until both are in.
    await recordClaimAudit(tx, userId, claim, {
      action: "review.submitted",
      before: before ? { ordinal: before.ordinal, label: before.label } : undefined,
      after: {
        ordinal: scale.ordinal,
        label: scale.label,
        explanation,
        outcome,
        status: outcome === "waiting" ? current.status : outcome === "agreed" ? "verdict_proposed" : "disputed",
      },
    });
    if (outcome === "disputed") {
      const recipientIds = [...(await claimReviewerIds(tx, claimId)), ...(await teamEditorIds(tx, claim.teamId))];
      await notify(tx, { kind: "dispute", teamId: claim.teamId, actorId: userId, recipientIds, articleId: claim.articleId, claimId });
    }
    return doubleReviewView(true, reviews, userId, verdictAt);
  });
}
