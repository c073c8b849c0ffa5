import { recordArticleAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import { requireArticleEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { articleScope } from "@/lib/access/scope";
import { AppError } from "@/lib/http/errors";
import { VERIFIED_WHERE } from "@/lib/publish/verified-claims";

export type ReportState = { published: boolean; publishedAt: string | null; publishedBy: { id: string; name: string } | null };

const EDITOR_ONLY = "Only an editor can publish or unpublish the public report.";

/**
 * The publishing state of an article the caller has already been allowed to see: unpublished, or published at
 * (ISO 8601) and by whom (null when that account is gone). One extra query for the publisher's name.
 */
export async function reportStateOf(article: { reportPublishedAt: Date | null; reportPublishedById: string | null }): Promise<ReportState> {
  if (!article.reportPublishedAt) return { published: false, publishedAt: null, publishedBy: null };
  const by = article.reportPublishedById
    ? await db.user.findUnique({ where: { id: article.reportPublishedById }, select: { id: true, name: true } })
    : null;
  return { published: true, publishedAt: article.reportPublishedAt.toISOString(), publishedBy: by };
}

/**
 * Makes the article's report public at /reports/{id}, audited as "report.published". Publishing again leaves
 * the first publication date alone (PUT is idempotent). Each verified claim going out for the first time gets its
 * `firstPublishedAt` (ClaimReview's datePublished); claims that went out before keep theirs. A report needs at least one verified claim:
 * an empty one would tell readers nothing. Returns the publishing state.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless the user is
 * an editor or admin there; 422 `unprocessable` when no claim is verified.
 */
export async function publishReport({ userId, articleId }: { userId: string; articleId: string }): Promise<ReportState> {
  return inTransaction(db, async (tx) => {
    const article = await requireArticleEditor(articleId, userId, EDITOR_ONLY, tx);
    const verified = await tx.claim.count({ where: { articleId, ...VERIFIED_WHERE } });
    // One conditional write, scoped to the editor's teams: of several presses at once, the first
    // publishes and the rest (waiting on its row lock, then seeing a date) keep its date.
    const { count } =
      verified === 0
        ? { count: 0 }
        : await tx.article.updateMany({
            where: { id: articleId, reportPublishedAt: null, ...articleScope(userId, SIGN_OFF_ROLES) },
            data: { reportPublishedAt: new Date(), reportPublishedById: userId },
          });
    const current = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: { reportPublishedAt: true, reportPublishedById: true },
    });
    if (!current.reportPublishedAt) {
      throw new AppError("unprocessable", "Verify at least one claim before publishing the report.");
    }
    if (count > 0) {
      // The claims going out now are first published now; ones that went out before keep their date.
      await tx.claim.updateMany({
        where: { articleId, ...VERIFIED_WHERE, firstPublishedAt: null },
        data: { firstPublishedAt: current.reportPublishedAt },
      });
      await recordArticleAudit(tx, userId, article, {
        action: "report.published",
        before: { published: false },
        after: { published: true, verifiedClaims: verified },
      });
    }
    return reportStateOf(current);
  });
}

/**
 * Takes the public report down; /reports/{id} answers 404 again. Audited as "report.unpublished";
 * unpublishing twice is a no-op (not audited). Returns the (unpublished) state.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless the user is
 * an editor or admin there.
 */
export async function unpublishReport({ userId, articleId }: { userId: string; articleId: string }): Promise<ReportState> {
  return inTransaction(db, async (tx) => {
    const article = await requireArticleEditor(articleId, userId, EDITOR_ONLY, tx);
    const { count } = await tx.article.updateMany({
      where: { id: articleId, reportPublishedAt: { not: null }, ...articleScope(userId, SIGN_OFF_ROLES) },
      data: { reportPublishedAt: null, reportPublishedById: null },
    });
    if (count > 0) {
      await recordArticleAudit(tx, userId, article, {
        action: "report.unpublished",
        before: { published: true },
        after: { published: false },
      });
    }
    return { published: false, publishedAt: null, publishedBy: null };
  });
}
