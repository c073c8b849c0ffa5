// schema.org ClaimReview for verified claims (https://schema.org/ClaimReview).
//
// Rating scale: the desk's ordinal scale (lib/claims/verdicts.ts) maps straight onto
// ratingValue, with bestRating 5 = "True" and worstRating 1 = "False"; alternateName is always
// the verdict label, which is what readers and fact-check aggregators show. "Unverifiable"
// (ordinal 0) has no place on a truth scale, so it carries only alternateName and no numeric
// rating: Google's ClaimReview docs describe ratingValue/bestRating/worstRating as "for
// numeric ratings" and the textual rating (alternateName) as the one always present.
import { articleScope } from "@/lib/access/scope";
import { BEST_RATING, WORST_RATING } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";
import { claimReportUrl, reportUrl } from "@/lib/publish/public-url";
import { loadVerifiedReport, type PublicArticle, type VerifiedClaim, type VerifiedReport } from "@/lib/publish/verified-claims";

type Thing = { "@type": string; name: string };

export type Rating = {
  "@type": "Rating";
  alternateName: string;
  ratingExplanation: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
};

export type ClaimReview = {
  "@context"?: "https://schema.org";
  "@type": "ClaimReview";
  "@id": string;
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Thing & { "@type": "Organization" };
  reviewRating: Rating;
  itemReviewed: {
    "@type": "Claim";
    author: Thing;
    datePublished: string;
    appearance: { "@type": "NewsArticle"; headline: string; url: string; datePublished: string; author?: Thing; publisher?: Thing };
  };
};

export type ClaimReviewGraph = { "@context": "https://schema.org"; "@graph": ClaimReview[] };

/**
 * The schema.org Rating of a verdict: always `alternateName` (the label) and `ratingExplanation`; ordinals
 * 1..5 of the truth scale also carry `ratingValue` with bestRating 5 and worstRating 1, anything else
 * (Unverifiable, 0) no numeric rating (see the file comment for the source). Pure.
 */
export function ratingFor(verdict: VerifiedClaim["verdict"]): Rating {
  const numeric = verdict.ordinal >= WORST_RATING && verdict.ordinal <= BEST_RATING;
  return {
    "@type": "Rating",
    alternateName: verdict.label,
    ratingExplanation: verdict.explanation,
    ...(numeric ? { ratingValue: verdict.ordinal, bestRating: BEST_RATING, worstRating: WORST_RATING } : {}),
  };
}

/** Who made the claim: the byline's author if there is one, else the publication. */
function claimAuthor(article: PublicArticle): Thing {
  const byline = article.byline?.replace(/^\s*by\s+/i, "").trim();
  if (byline) return { "@type": "Person", name: byline };
  return { "@type": "Organization", name: article.source?.trim() || article.title };
}

/**
 * One schema.org ClaimReview (https://schema.org/ClaimReview) for a verified claim, without "@context": its id
 * and url are the claim's card on the public report (`baseUrl` is the public origin, no trailing slash), dates
 * ISO 8601 (the sign-off for datePublished; the article's publication date, else its import date, for the
 * claim), the team as author, ratingFor's rating, and the article as the claim's appearance (its source URL,
 * else the report URL). Pure.
 */
export function buildClaimReview(article: PublicArticle, claim: VerifiedClaim, baseUrl: string): ClaimReview {
  const url = claimReportUrl(baseUrl, article.id, claim.id);
  const articleDate = (article.publishedAt ?? article.createdAt).toISOString();
  const publisher = article.source?.trim() ? { "@type": "Organization", name: article.source.trim() } : undefined;
  const byline = article.byline?.trim() ? claimAuthor(article) : undefined;
  return {
    "@type": "ClaimReview",
    "@id": url,
    url,
    claimReviewed: claim.exact,
    datePublished: claim.verifiedAt.toISOString(),
    author: { "@type": "Organization", name: article.teamName },
    reviewRating: ratingFor(claim.verdict),
    itemReviewed: {
      "@type": "Claim",
      author: claimAuthor(article),
      datePublished: articleDate,
      appearance: {
        "@type": "NewsArticle",
        headline: article.title,
        url: article.sourceUrl ?? reportUrl(baseUrl, article.id),
        datePublished: articleDate,
        ...(byline ? { author: byline } : {}),
        ...(publisher ? { publisher } : {}),
      },
    },
  };
}

/**
 * One JSON-LD document for the whole article: `{ "@context": "https://schema.org", "@graph": [...] }` with a
 * ClaimReview for every verified claim, in text order. Pure.
 */
export function buildClaimReviewGraph(report: VerifiedReport, baseUrl: string): ClaimReviewGraph {
  return { "@context": "https://schema.org", "@graph": report.claims.map((c) => buildClaimReview(report.article, c, baseUrl)) };
}

/**
 * GET /api/v1/articles/{id}/claimreview: the article's ClaimReview graph for members of its team, whether the
 * report is published or not.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function getArticleClaimReviews({
  articleId,
  userId,
  baseUrl,
}: {
  articleId: string;
  userId: string;
  baseUrl: string;
}): Promise<ClaimReviewGraph> {
  const report = await loadVerifiedReport({ id: articleId, ...articleScope(userId) });
  if (!report) throw notFound("That article");
  return buildClaimReviewGraph(report, baseUrl);
}

/**
 * GET /api/v1/claims/{id}/claimreview: one claim's ClaimReview with its "@context".
 * @throws AppError 404 `not_found` unless the claim exists, is verified and the user is in its team.
 */
export async function getClaimReview({
  claimId,
  userId,
  baseUrl,
}: {
  claimId: string;
  userId: string;
  baseUrl: string;
}): Promise<ClaimReview> {
  const report = await loadVerifiedReport({ claims: { some: { id: claimId } }, ...articleScope(userId) }, claimId);
  const claim = report?.claims[0];
  if (!report || !claim) throw notFound("A verified claim with that id");
  return { "@context": "https://schema.org", ...buildClaimReview(report.article, claim, baseUrl) };
}
