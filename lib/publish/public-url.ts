// The address readers use to reach Factdesk, for links that leave the app (ClaimReview url,
// W3C annotation ids). NEXTAUTH_URL is the configured public address (README); without it
// the request's own origin is the best we know.
import { config } from "@/lib/config";

/**
 * The public origin for links that leave the app, without trailing slashes: NEXTAUTH_URL when set, else
 * `requestOrigin`, else "http://localhost:3000".
 */
export function publicBaseUrl(requestOrigin?: string | null): string {
  const base = config.publicUrl || requestOrigin || "http://localhost:3000";
  return base.replace(/\/+$/, "");
}

/** Origin of a route handler's request (`request.url`): scheme, host and port, e.g. "https://factdesk.example.org". */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}

/** The public report page of an article: `<baseUrl>/reports/<articleId>` (id URL-encoded). */
export function reportUrl(baseUrl: string, articleId: string): string {
  return `${baseUrl}/reports/${encodeURIComponent(articleId)}`;
}

/** Where a claim's verdict card sits on the public report page: reportUrl + `#claim-<claimId>` (id URL-encoded). */
export function claimReportUrl(baseUrl: string, articleId: string, claimId: string): string {
  return `${reportUrl(baseUrl, articleId)}#claim-${encodeURIComponent(claimId)}`;
}
