// What a sign-off is judged on besides the claim row (lib/claims/workflow.ts statusChangeRefusal): who gave the claim's
// independent review verdicts (the four-eyes rule bars them) and what its double review says (signOffWaitRefusal: a
// sign-off waits until both reviews are in and agree, or an editor has settled them). setClaimStatus judges a sign-off
// here, under the claim's row lock (judgeSignOff); Needs me leaves out the claims that wait with the same rule in SQL
// (waitsForReviewsSql, signOffWaitingClaimIds). lib/claims/sign-off-waits.int.test.ts and
// lib/needs/needs-me-four-eyes.int.test.ts check both against each other.
import { requireClaimWrite, type WritableClaim } from "@/lib/access/require";
import { rightsOf } from "@/lib/access/roles";
import { refuseStaleVersion } from "@/lib/claims/conflict";
import { REVIEWS_NEEDED, signOffReviewsOf, statusChangeRefusal, type SignOffReviews } from "@/lib/claims/workflow";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * SQL condition on a claim aliased `c`: its sign-off waits for its double review (signOffWaitRefusal): it requires
 * double review and fewer than REVIEWS_NEEDED review verdicts are in, or they differ (not the same ordinal and label)
 * and its verdict dates from before the last of them (no editor has settled them). Reads the claim's ReviewVerdict
 * rows through their (claimId, reviewerId) key.
 */
export function waitsForReviewsSql(): Prisma.Sql {
  return Prisma.sql`(c."requiresDoubleReview" AND NOT EXISTS (
      SELECT FROM "ReviewVerdict" rv WHERE rv."claimId" = c.id
      HAVING count(*) >= ${REVIEWS_NEEDED}
        AND (count(DISTINCT (rv.ordinal, rv.label)) = 1 OR c."verdictAt" >= max(rv."updatedAt"))))`;
}

/**
 * SQL: the ids (one column, "claimId") of team `teamId`'s Verdict proposed claims whose sign-off waits for their
 * double review (waitsForReviewsSql). Reads the team's articles that have proposed verdicts (ArticleStats, partial
 * index ArticleStats_verdictProposed_idx) and their proposed double-review claims (Claim_double_review_proposed_idx),
 * so a count can subtract them without reading every proposed claim of the team.
 */
export function signOffWaitingClaimIds(teamId: string): Prisma.Sql {
  return Prisma.sql`SELECT c.id AS "claimId" FROM "ArticleStats" s JOIN "Claim" c ON c."articleId" = s."articleId"
    WHERE s."teamId" = ${teamId} AND s."verdictProposed" > 0
      AND c.status = 'verdict_proposed' AND c."requiresDoubleReview" AND ${waitsForReviewsSql()}`;
}
