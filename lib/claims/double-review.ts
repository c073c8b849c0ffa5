import { recordArticleAudit, recordClaimAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { requireArticleEditor, requireClaimEditor } from "@/lib/access/require";

/** An editor decides that a claim needs two independent verdicts (or no longer does). */
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

/** The same for a whole article: its open claims and every claim added later. */
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
