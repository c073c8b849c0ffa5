import { recordArticleAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { requireArticleEditor } from "@/lib/access/require";
import { AppError } from "@/lib/http/errors";
import { VERIFIED_WHERE } from "@/lib/publish/verified-claims";

export type ReportState = { published: boolean; publishedAt: string | null; publishedBy: { id: string; name: string } | null };

const EDITOR_ONLY = "Only an editor can publish or unpublish the public report.";

/** Reads the publishing state of an article the caller has already been allowed to see. */
export async function reportStateOf(article: { reportPublishedAt: Date | null; reportPublishedById: string | null }): Promise<ReportState> {
  if (!article.reportPublishedAt) return { published: false, publishedAt: null, publishedBy: null };
  const by = article.reportPublishedById
    ? await db.user.findUnique({ where: { id: article.reportPublishedById }, select: { id: true, name: true } })
    : null;
  return { published: true, publishedAt: article.reportPublishedAt.toISOString(), publishedBy: by };
}

/**
 * Makes the article's report public at /reports/{id}. Publishing again leaves the first
 * publication date alone (PUT is idempotent). A report needs at least one verified claim:
 * an empty one would tell readers nothing.
 */
export async function publishReport({ userId, articleId }: { userId: string; articleId: string }): Promise<ReportState> {
  const article = await requireArticleEditor(articleId, userId, EDITOR_ONLY);
  return db.$transaction(async (tx) => {
    const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { reportPublishedAt: true, reportPublishedById: true } });
    if (current.reportPublishedAt) return reportStateOf(current);
    const verified = await tx.claim.count({ where: { articleId, ...VERIFIED_WHERE } });
    if (verified === 0) throw new AppError("unprocessable", "Verify at least one claim before publishing the report.");
    const updated = await tx.article.update({
      where: { id: articleId },
      data: { reportPublishedAt: new Date(), reportPublishedById: userId },
      select: { reportPublishedAt: true, reportPublishedById: true },
    });
    await recordArticleAudit(tx, userId, article, {
      action: "report.published",
      before: { published: false },
      after: { published: true, verifiedClaims: verified },
    });
    return reportStateOf(updated);
  });
}

/** Takes the public report down; /reports/{id} answers 404 again. Unpublishing twice is a no-op. */
export async function unpublishReport({ userId, articleId }: { userId: string; articleId: string }): Promise<ReportState> {
  const article = await requireArticleEditor(articleId, userId, EDITOR_ONLY);
  return db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: articleId, reportPublishedAt: { not: null } },
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
