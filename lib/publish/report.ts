import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { notFound } from "@/lib/http/errors";
import { buildClaimReviewGraph, type ClaimReviewGraph } from "@/lib/publish/claim-review";
import { reportStateOf, type ReportState } from "@/lib/publish/publish-report";
import {
  loadVerifiedReport,
  VERIFIED_WHERE,
  type PublicArticle,
  type PublicCorrection,
  type VerifiedClaim,
} from "@/lib/publish/verified-claims";

export type PublicReport = {
  article: Omit<PublicArticle, "reportPublishedById">;
  /** Verified claims only, in text order; `highlighted` is false for claims not attached to the current text. */
  claims: (VerifiedClaim & { highlighted: boolean })[];
  /** The report's corrections log, oldest first (each entry also sits on its claim's card). */
  corrections: PublicCorrection[];
  claimReview: ClaimReviewGraph;
};

/**
 * The public report page's data: the article (without who published it), its verified claims in text order
 * (`highlighted` only when attached to the current text) and their ClaimReview graph built on `baseUrl`.
 * Null (shown as 404) when the article does not exist or its report is not published. No session is involved,
 * so nothing here may depend on one; nothing unverified is ever read (loadVerifiedReport).
 */
export async function getPublicReport({ articleId, baseUrl }: { articleId: string; baseUrl: string }): Promise<PublicReport | null> {
  const report = await loadVerifiedReport({ id: articleId, reportPublishedAt: { not: null } });
  if (!report) return null;
  const { reportPublishedById: _publisher, ...article } = report.article;
  return {
    article,
    // A claim shown as it was before a correction may point at words the text no longer has.
    claims: report.claims.map((c) => ({
      ...c,
      highlighted: c.anchorStatus === "attached" && article.body.slice(c.start, c.end) === c.exact,
    })),
    corrections: report.corrections,
    claimReview: buildClaimReviewGraph(report, baseUrl),
  };
}

/**
 * `verifiedClaims`: claims the report would show; `withoutClaimant`: how many of those have no claimant recorded
 * (the report and its ClaimReview then name no one who made the claim; publishing warns, it does not refuse).
 */
export type ArticlePublishing = ReportState & { verifiedClaims: number; withoutClaimant: number };

/**
 * What the article page's publish area shows: state, who published and when (ISO 8601), how many claims are
 * verified and would go out, and how many of those have no claimant recorded.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function getArticlePublishing({ articleId, userId }: { articleId: string; userId: string }): Promise<ArticlePublishing> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: { reportPublishedAt: true, reportPublishedById: true },
  });
  if (!article) throw notFound("That article");
  // Counted by article (index on articleId): a nested `_count` compiles to a GROUP BY over every claim.
  const [state, verifiedClaims, withoutClaimant] = await Promise.all([
    reportStateOf(article),
    db.claim.count({ where: { articleId, ...VERIFIED_WHERE } }),
    db.claim.count({ where: { articleId, ...VERIFIED_WHERE, OR: [{ claimantName: null }, { claimantName: "" }] } }),
  ]);
  return { ...state, verifiedClaims, withoutClaimant };
}
