// What a sign-off is judged on besides the claim row (lib/claims/workflow.ts statusChangeRefusal): who gave the claim's
// independent review verdicts (the four-eyes rule bars them) and what its double review says (signOffWaitRefusal: a
// sign-off waits until both reviews are in and agree, or an editor has settled them). setClaimStatus judges a sign-off
// here, under the claim's row lock (judgeSignOff); lib/claims/sign-off-waits.int.test.ts checks it.
import { requireClaimWrite, type WritableClaim } from "@/lib/access/require";
import { rightsOf } from "@/lib/access/roles";
import { refuseStaleVersion } from "@/lib/claims/conflict";
import { signOffReviewsOf, statusChangeRefusal, type SignOffReviews } from "@/lib/claims/workflow";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";

/** The rows a sign-off reads: the independent reviewers (four-eyes) and the double review it may wait for. */
export type SignOffFacts = { reviewerIds: string[]; doubleReview: SignOffReviews };

type FactRow = {
  requiresDoubleReview: boolean;
  verdictAt: Date | null;
  reviewerId: string | null;
  ordinal: number | null;
  label: string | null;
  updatedAt: Date | null;
};

/**
 * The claim's SignOffFacts, in one statement: the ids of everyone who gave it an independent review verdict and its
 * SignOffReviews (signOffReviewsOf on those verdicts and the claim's verdictAt). No access check: call after one.
 * @throws AppError 404 when the claim does not exist.
 */
export async function signOffFacts(client: DbClient, claimId: string): Promise<SignOffFacts> {
  const rows = await client.$queryRaw<FactRow[]>`
    SELECT c."requiresDoubleReview", c."verdictAt", rv."reviewerId", rv."ordinal", rv."label", rv."updatedAt"
    FROM "Claim" c LEFT JOIN "ReviewVerdict" rv ON rv."claimId" = c."id"
    WHERE c."id" = ${claimId}`;
  const claim = rows[0];
  if (!claim) throw notFound("That claim");
  const reviews = rows.filter((row) => row.reviewerId !== null);
  return {
    reviewerIds: reviews.map((row) => row.reviewerId!),
    doubleReview: signOffReviewsOf(
      claim.requiresDoubleReview,
      reviews.map((row) => ({ ordinal: row.ordinal!, label: row.label!, at: row.updatedAt! })),
      claim.verdictAt,
    ),
  };
}

/**
 * Judges `userId`'s sign-off of `claimId` inside transaction `tx`, under the claim's row lock (SELECT … FOR UPDATE,
 * which submitReviewVerdict and setClaimVerdict's double-review path also take), so no review verdict or settlement
 * lands between judging and writing. Output: the claim as read under the lock (WritableClaim), to write with.
 * @throws AppError 404/403 as requireClaimWrite; 409 naming who changed the claim when it is no longer at
 * `expectedVersion`; the workflow's refusals (statusChangeRefusal to "verified"), such as 409
 * `sign_off_waits_for_reviews` ("Sign-off waits for 2 independent reviews; 1 is in.").
 */
export async function judgeSignOff(
  tx: Prisma.TransactionClient,
  { claimId, userId, expectedVersion }: { claimId: string; userId: string; expectedVersion: number },
): Promise<WritableClaim> {
  await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "id" = ${claimId} FOR UPDATE`;
  const claim = await requireClaimWrite(claimId, userId, tx);
  await refuseStaleVersion(tx, claim, expectedVersion);
  const refusal = statusChangeRefusal({
    actor: { userId, ...rightsOf(claim.role) },
    from: claim.status,
    to: "verified",
    hasVerdict: claim.verdictOrdinal !== null,
    verdictById: claim.verdictById,
    ...(await signOffFacts(tx, claimId)),
  });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return claim;
}
