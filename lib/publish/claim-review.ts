// schema.org ClaimReview for verified claims (https://schema.org/ClaimReview).
//
// Rating scale: the desk's ordinal scale (lib/claims/verdicts.ts) maps straight onto
// ratingValue, with bestRating 5 = "True" and worstRating 1 = "False"; alternateName is always
// the verdict label, which is what readers and fact-check aggregators show. "Unverifiable"
// (ordinal 0), and every rating the team marks "no rating", have no place on a truth scale, so they
// carry only alternateName and no numeric rating: Google's ClaimReview docs describe ratingValue/bestRating/worstRating as "for
// numeric ratings" and the textual rating (alternateName) as the one always present.
import { articleScope } from "@/lib/access/scope";
import { BEST_RATING, WORST_RATING } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";
import { claimDates } from "@/lib/publish/claim-dates";
import { claimReportUrl, reportUrl } from "@/lib/publish/public-url";
import { loadVerifiedReport, type PublicArticle, type VerifiedClaim, type VerifiedReport } from "@/lib/publish/verified-claims";

type Thing = { "@type": string; name: string };
type Agent = Thing & { url?: string; description?: string; jobTitle?: string; logo?: { "@type": "ImageObject"; url: string } };
type CreativeWork = {
  "@type": "NewsArticle" | "CreativeWork";
  url?: string;
  headline?: string;
  datePublished?: string;
  author?: Thing;
  publisher?: Thing;
};

export type Rating = {
  "@type": "Rating";
  name: string;
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
  /** When the fact-check first went out on the published report (claimDates). */
  datePublished: string;
  /** When it last changed after that: a corrections-log entry or a new sign-off (claimDates). */
  dateModified?: string;
  author: Agent & { "@type": "Organization" };
  reviewRating: Rating;
  itemReviewed: {
    "@type": "Claim";
    /** Who made the claim (the claimant), never the journalist who reported it. */
    author?: Agent;
    /** When the claim was made: its first appearance's date, else the article's; absent when the desk knows neither. */
    datePublished?: string;
    appearance: CreativeWork;
    firstAppearance?: CreativeWork;
  };
};

export type ClaimReviewGraph = { "@context": "https://schema.org"; "@graph": ClaimReview[] };

/**
 * The schema.org Rating of a verdict: always `alternateName` (the label) and `ratingExplanation`; ordinals
 * 1..5 of the truth scale also carry `ratingValue` with bestRating 5 and worstRating 1, anything else
 * (Unverifiable, 0, or a rating the team marks "no rating": `verdict.noRating`) no numeric rating (see the file comment for the source). Pure.
 */
export function ratingFor(verdict: VerifiedClaim["verdict"]): Rating {
  const numeric = !verdict.noRating && verdict.ordinal >= WORST_RATING && verdict.ordinal <= BEST_RATING;
  return {
    "@type": "Rating",
    name: verdict.label,
    alternateName: verdict.label,
    ratingExplanation: verdict.explanation,
    ...(numeric ? { ratingValue: verdict.ordinal, bestRating: BEST_RATING, worstRating: WORST_RATING } : {}),
  };
}

/** The claimant as schema.org wants it: a Person (role as jobTitle) or an Organization (description). */
function claimantOf(claim: VerifiedClaim): Agent | undefined {
  const c = claim.claimant;
  if (!c) return undefined;
  if (c.kind === "person") return { "@type": "Person", name: c.name, ...(c.description ? { jobTitle: c.description } : {}) };
  return { "@type": "Organization", name: c.name, ...(c.description ? { description: c.description } : {}) };
}

/** The fact-checking organisation, as the team's settings name it. */
function reviewer(article: PublicArticle): Agent & { "@type": "Organization" } {
  const p = article.publisher;
  return {
    "@type": "Organization",
    name: p.name,
    ...(p.url ? { url: p.url } : {}),
    ...(p.logoUrl ? { logo: { "@type": "ImageObject", url: p.logoUrl } } : {}),
  };
}

/**
 * One schema.org ClaimReview (https://schema.org/ClaimReview) for a claim on the report, without "@context",
 * following Google's ClaimReview guidance: its id and url are the claim's card on the public report (`baseUrl`
 * is the public origin, no trailing slash), dates ISO 8601 (claimDates: the first publication for datePublished, the
 * latest correction or re-sign-off after it for dateModified), the team's public profile as author (name, url, logo),
 * ratingFor's rating (name and alternateName), and itemReviewed with the claimant as author, the article as
 * appearance and the first appearance. The claim's and the article's datePublished are the dates the desk knows
 * (first appearance, then the article's publication date); without either they are left out rather than filled
 * with the day the article was imported, which would tell readers and aggregators the claim was made then. Pure.
 */
export function buildClaimReview(article: PublicArticle, claim: VerifiedClaim, baseUrl: string): ClaimReview {
  const url = claimReportUrl(baseUrl, article.id, claim.id);
  const articleDate = article.publishedAt?.toISOString();
  const publisher = article.source?.trim() ? { "@type": "Organization", name: article.source.trim() } : undefined;
  const byline = article.byline?.replace(/^\s*by\s+/i, "").trim();
  const appearance: CreativeWork = {
    "@type": "NewsArticle",
    headline: article.title,
    url: article.sourceUrl ?? reportUrl(baseUrl, article.id),
    ...(articleDate ? { datePublished: articleDate } : {}),
    ...(byline ? { author: { "@type": "Person", name: byline } } : {}),
    ...(publisher ? { publisher } : {}),
  };
  const first = claim.firstAppearance;
  const firstAppearance: CreativeWork | undefined = first
    ? { "@type": "CreativeWork", ...(first.url ? { url: first.url } : {}), ...(first.date ? { datePublished: first.date } : {}) }
    : undefined;
  const claimDate = first?.date ?? articleDate;
  const { published, modified } = claimDates(claim);
  const author = claimantOf(claim);
  return {
    "@type": "ClaimReview",
    "@id": url,
    url,
    claimReviewed: claim.exact,
    datePublished: published.toISOString(),
    ...(modified ? { dateModified: modified.toISOString() } : {}),
    author: reviewer(article),
    reviewRating: ratingFor(claim.verdict),
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author } : {}),
      ...(claimDate ? { datePublished: claimDate } : {}),
      appearance,
      ...(firstAppearance ? { firstAppearance } : {}),
    },
  };
}

/**
 * One JSON-LD document for the whole article: `{ "@context": "https://schema.org", "@graph": [...] }` with a
 * ClaimReview for every verified claim, in text order. Pure.
 */
export function buildClaimReviewGraph(report: VerifiedReport, baseUrl: string): ClaimReviewGraph {
  // A withdrawn claim stays listed on the page with its note, but no longer carries a rating.
  const rated = report.claims.filter((c) => c.correction?.state !== "withdrawn");
  return { "@context": "https://schema.org", "@graph": rated.map((c) => buildClaimReview(report.article, c, baseUrl)) };
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
  if (!report || !claim || claim.correction?.state === "withdrawn") throw notFound("A verified claim with that id");
  return { "@context": "https://schema.org", ...buildClaimReview(report.article, claim, baseUrl) };
}
