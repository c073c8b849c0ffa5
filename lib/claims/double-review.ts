import { recordArticleAudit, recordClaimAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { requireArticleEditor, requireClaimEditor } from "@/lib/claims/access";

/**
 * An editor decides that a claim needs two independent verdicts (or no longer does); bumps the claim's version
 * and records "claim.double-review". Returns `{ required }` as set.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 unless the user is an
 * editor or admin of that team.
 */
export async function setClaimDoubleReview({ userId, claimId, required }: { userId: string; claimId: string; required: boolean }) {
  const claim = await requireClaimEditor(claimId, userId, "Only an editor can require double review.");
  await db.$transaction(async (tx) => {
    await tx.claim.update({ where: { id: claimId }, data: { requiresDoubleReview: required, updatedById: userId, version: { increment: 1 } } });
    await recordClaimAudit(tx, userId, claim, {
      action: "claim.double-review",
      before: { required: claim.requiresDoubleReview },
      after: { required },
    });
  });
  return { required };
}

/**
 * The same for a whole article: sets the article's flag (inherited by every claim added later) and the flag of
 * its open claims (unreviewed or in review, without a verdict), bumping their versions; one "article.double-review"
 * audit row names how many open claims changed. Returns `{ required }` as set.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless the user is an
 * editor or admin of that team.
 */
export async function setArticleDoubleReview({ userId, articleId, required }: { userId: string; articleId: string; required: boolean }) {
  const article = await requireArticleEditor(articleId, userId, "Only an editor can require double review.");
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: articleId }, data: { requiresDoubleReview: required } });
    const { count } = await tx.claim.updateMany({
      where: { articleId, status: { in: ["unreviewed", "in_review"] }, verdictOrdinal: null },
      data: { requiresDoubleReview: required, version: { increment: 1 } },
    });
    // Recorded as one change of the article, naming how many open claims it touched.
    await recordArticleAudit(tx, userId, article, {
      action: "article.double-review",
      before: { required: article.requiresDoubleReview },
      after: { required, openClaimsChanged: count },
    });
  });
  return { required };
}
