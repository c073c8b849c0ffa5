import { recordArticleAudit, recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireArticleEditor, requireClaimEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { articleScope, claimScope } from "@/lib/access/scope";
import { failedClaimWrite } from "@/lib/claims/conflict";
import { notFound } from "@/lib/http/errors";

const EDITORS_ONLY = "Only an editor can require double review.";

export type ClaimDoubleReviewInput = { userId: string; claimId: string; required: boolean; version?: number };

/**
 * An editor decides that a claim needs two independent verdicts (or no longer does).
 * Input: the editor's user id, the claim, `required`, and the claim `version` the editor saw
 * (optional: the version just read is expected when omitted). Runs in `tx` when given.
 * Output: `{ required }`. Throws 404 when the claim is not in the user's teams, 403 unless they
 * are an editor or admin there, 409 naming who changed the claim when `version` is stale.
 */
export async function setClaimDoubleReview({ userId, claimId, required, version }: ClaimDoubleReviewInput, tx: DbClient = db) {
  return inTransaction(tx, async (t) => {
    const claim = await requireClaimEditor(claimId, userId, EDITORS_ONLY, t);
    const expected = version ?? claim.version;
    const { count } = await t.claim.updateMany({
      where: { id: claimId, version: expected, ...claimScope(userId, SIGN_OFF_ROLES) },
      data: { requiresDoubleReview: required, updatedById: userId, version: { increment: 1 } },
    });
    if (count === 0) throw await failedClaimWrite(t, claimId, () => requireClaimEditor(claimId, userId, EDITORS_ONLY, t));
    await recordClaimAudit(t, userId, claim, {
      action: "claim.double-review",
      before: { required: claim.requiresDoubleReview },
      after: { required },
    });
    return { required };
  });
}

/**
 * The same for a whole article: sets the article's flag (inherited by every claim added later) and the flag of
 * its open claims (unreviewed or in review, without a verdict), bumping their versions; one "article.double-review"
 * audit row names how many open claims changed. Returns `{ required }` as set.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless the user is an
 * editor or admin of that team.
 */
export async function setArticleDoubleReview(
  { userId, articleId, required }: { userId: string; articleId: string; required: boolean },
  tx: DbClient = db,
) {
  return inTransaction(tx, async (t) => {
    const article = await requireArticleEditor(articleId, userId, EDITORS_ONLY, t);
    const editorScope = articleScope(userId, SIGN_OFF_ROLES);
    const updated = await t.article.updateMany({ where: { id: articleId, ...editorScope }, data: { requiresDoubleReview: required } });
    if (updated.count === 0) {
      await requireArticleEditor(articleId, userId, EDITORS_ONLY, t);
      throw notFound("That article");
    }
    const { count } = await t.claim.updateMany({
      where: { articleId, article: editorScope, status: { in: ["unreviewed", "in_review"] }, verdictOrdinal: null },
      data: { requiresDoubleReview: required, updatedById: userId, version: { increment: 1 } },
    });
    // Recorded as one change of the article, naming how many open claims it touched.
    await recordArticleAudit(t, userId, article, {
      action: "article.double-review",
      before: { required: article.requiresDoubleReview },
      after: { required, openClaimsChanged: count },
    });
    return { required };
  });
}
