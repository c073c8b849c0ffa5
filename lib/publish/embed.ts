// Embeds for a newsroom's CMS: a verdict card per claim of a published report, and the oEmbed
// answer that points at it. Only what the public report shows is ever read here (verified
// claims of published reports, through loadVerifiedReport), so an embed cannot carry desk data.
import { claimReportUrl, reportUrl } from "@/lib/publish/public-url";
import { loadVerifiedReport, type PublicArticle, type VerifiedClaim } from "@/lib/publish/verified-claims";

export type EmbeddableClaim = {
  article: Pick<PublicArticle, "id" | "title" | "publisher" | "ratingScale">;
  claim: VerifiedClaim;
  url: string;
};

/**
 * One claim as its embed shows it, or null (shown as 404) unless the claim is on a published
 * report and not withdrawn. Input: the claim id and the public base URL; throws nothing of its own.
 */
export async function getEmbeddableClaim({ claimId, baseUrl }: { claimId: string; baseUrl: string }): Promise<EmbeddableClaim | null> {
  const report = await loadVerifiedReport({ reportPublishedAt: { not: null }, claims: { some: { id: claimId } } }, claimId);
  const claim = report?.claims[0];
  if (!report || !claim || claim.correction?.state === "withdrawn") return null;
  const { id, title, publisher, ratingScale } = report.article;
  return { article: { id, title, publisher, ratingScale }, claim, url: claimReportUrl(baseUrl, id, claim.id) };
}

export type OEmbed = {
  version: "1.0";
  type: "rich";
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
};

const DEFAULT_WIDTH = 480;
const DEFAULT_HEIGHT = 360;
const MIN_WIDTH = 240;

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `text` with its %-escapes decoded, or null when they are not UTF-8 (decodeURIComponent throws URIError then). */
function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The claim a public URL names: a report's `#claim-…` card, or an embed page. Null for anything else, an address
 * on another origin, and one whose %-encoded id is not UTF-8 (a cut-off link): oEmbed answers 404 for those.
 */
export function claimIdFromUrl(url: string, baseUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(baseUrl).origin) return null;
  const embed = /^\/embed\/claims\/([^/]+)$/.exec(parsed.pathname);
  if (embed) return decodedOrNull(embed[1]!);
  const fromHash = /^#claim-(.+)$/.exec(parsed.hash);
  return /^\/reports\/[^/]+$/.test(parsed.pathname) && fromHash ? decodedOrNull(fromHash[1]!) : null;
}

/**
 * GET /api/oembed?url=…: the oEmbed 1.0 "rich" answer for a claim of a published report (an
 * iframe of /embed/claims/{id}), or null (404). `maxwidth`/`maxheight` shrink the frame.
 */
export async function getOEmbed({
  url,
  baseUrl,
  maxwidth,
  maxheight,
}: {
  url: string;
  baseUrl: string;
  maxwidth?: number;
  maxheight?: number;
}): Promise<OEmbed | null> {
  const claimId = claimIdFromUrl(url, baseUrl);
  const found = claimId ? await getEmbeddableClaim({ claimId, baseUrl }) : null;
  if (!found) return null;
  const width = Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, maxwidth ?? DEFAULT_WIDTH));
  const height = Math.min(DEFAULT_HEIGHT, maxheight ?? DEFAULT_HEIGHT);
  const src = `${baseUrl}/embed/claims/${encodeURIComponent(found.claim.id)}`;
  const title = `Fact check: ${found.claim.verdict.label}: “${found.claim.exact}”`;
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: found.article.publisher.name,
    provider_url: found.article.publisher.url ?? reportUrl(baseUrl, found.article.id),
    html: `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttribute(title)}"></iframe>`,
    width,
    height,
    cache_age: 3600,
  };
}
