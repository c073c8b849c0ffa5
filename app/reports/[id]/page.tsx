import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate } from "@/components/articles/format";
import { renderHighlightedHtml } from "@/components/claims/highlight-html";
import { ReportBody } from "@/components/publish/ReportBody";
import { SkipLink } from "@/components/layout/SkipLink";
import { VerdictCard } from "@/components/publish/VerdictCard";
import { CorrectionsLog } from "@/components/publish/CorrectionsLog";
import { verdictChipClass, verdictChipStyle } from "@/components/publish/verdict-style";
import { describeRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";
import { reportMark, reportMarkDescription, standingVerdicts } from "@/components/publish/report-marks";
import { config } from "@/lib/config";
import { getPublicReport, type PublicReport } from "@/lib/publish/report";
import { publicBaseUrl } from "@/lib/publish/public-url";
import { pageId } from "@/lib/validation/ids";
import { pageAt } from "@/lib/articles/blocks";

// The public fact-check report: no session, no desk chrome. Only what getPublicReport returns
// reaches this page (verified claims of a published article), so nothing else can leak here.

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/**
 * The page's own address, which its ClaimReview JSON-LD gives to search engines and aggregators.
 * Host and X-Forwarded-Host are chosen by whoever sends the request, so a crafted one would put
 * a foreign URL into the published markup (and into any cache in front of it): outside
 * development only the configured address counts (`npm start` always sets NEXTAUTH_URL). In
 * `next dev` there may be none, and the request's host is the address being looked at.
 */
async function reportBaseUrl(): Promise<string> {
  if (config.publicUrl || process.env.NODE_ENV !== "development") return publicBaseUrl();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  return publicBaseUrl(host ? `${proto}://${host}` : null);
}

const loadReport = cache(async (id: string): Promise<PublicReport | null> =>
  getPublicReport({ articleId: id, baseUrl: await reportBaseUrl() }),
);

function summary(report: PublicReport): string {
  const n = standingVerdicts(report.claims).length;
  return `${n} ${n === 1 ? "claim" : "claims"} checked by ${report.article.publisher.name}.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = pageId(await params);
  const report = id ? await loadReport(id) : null;
  if (!report) return { title: "Report not found", robots: { index: false } };
  const title = `Fact check: ${report.article.title}`;
  const description = report.article.standfirst ? `${summary(report)} ${report.article.standfirst}` : summary(report);
  // oEmbed discovery: a CMS given this page's address finds the embeds of its verdict cards.
  const first = report.claims[0];
  const oembed = first
    ? `${publicBaseUrl()}/api/oembed?url=${encodeURIComponent(`${publicBaseUrl()}/reports/${id}#claim-${first.id}`)}`
    : null;
  return {
    title,
    description,
    openGraph: { title, description, type: "article" },
    ...(oembed ? { alternates: { types: { "application/json+oembed": oembed } } } : {}),
  };
}

/** JSON-LD inside <script>: "<" is escaped so no string in it can close the element. */
const jsonLd = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function VerdictTally({ claims, scale }: { claims: PublicReport["claims"]; scale: readonly RatingEntry[] }) {
  const counts = new Map<string, { key: string | null; label: string; n: number; ordinal: number }>();
  for (const c of standingVerdicts(claims)) {
    const entry = counts.get(c.verdict.label) ?? { key: c.verdict.key, label: c.verdict.label, n: 0, ordinal: c.verdict.ordinal };
    entry.n += 1;
    counts.set(c.verdict.label, entry);
  }
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Verdicts in this report">
      {[...counts.values()]
        .sort((a, b) => b.ordinal - a.ordinal)
        .map((v) => (
          <li key={v.label} className={verdictChipClass} style={verdictChipStyle(scale, v)}>
            {v.n} × {v.label}
          </li>
        ))}
    </ul>
  );
}

export default async function PublicReportPage({ params }: Props) {
  const id = pageId(await params);
  const report = id ? await loadReport(id) : null;
  if (!report) notFound();
  const { article, claims } = report;
  const html = renderHighlightedHtml(
    article.body,
    claims.filter((c) => c.highlighted).map((c) => reportMark(c, article.ratingScale)),
    null,
    [],
    article.blocks,
  );
  // The page's own words are English (the root layout's lang); the article's words are read in their language.
  const lang = article.language ?? undefined;
  const meta = [article.byline, formatDate(article.publishedAt?.toISOString() ?? null)].filter(Boolean).join(" · ");
  return (
    <div className="min-h-screen bg-paper">
      <SkipLink />
      <script
        type="application/ld+json"
        data-testid="claimreview-jsonld"
        dangerouslySetInnerHTML={{ __html: jsonLd(report.claimReview) }}
      />
      <header className="border-b border-rule bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3 text-sm">
          <span className="font-semibold text-ink">{article.publisher.name}</span>
          <span className="text-xs uppercase tracking-widest text-muted">Fact-check report</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-6 py-10 focus:outline-none">
        <header className="max-w-3xl">
          <p className="text-xs font-semibold uppercase tracking-widest text-accent">Fact check</p>
          <h1 className="mt-2 font-serif text-4xl leading-tight font-semibold tracking-tight text-ink" dir="auto" lang={lang}>
            {article.title}
          </h1>
          {article.standfirst && (
            <p className="mt-4 font-serif text-xl leading-snug text-muted" dir="auto" lang={lang}>
              {article.standfirst}
            </p>
          )}
          <p className="mt-4 text-sm text-muted">
            {meta && <span>{article.source ? `${meta} · ` : meta}</span>}
            {article.source &&
              (article.sourceUrl ? (
                <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank" className="underline hover:text-accent">
                  {article.source}
                </a>
              ) : (
                <span>{article.source}</span>
              ))}
          </p>
          <div className="mt-6 rounded-lg border border-rule bg-white px-5 py-4">
            <p className="text-sm text-ink">
              <strong className="font-semibold">{summary(report)}</strong>{" "}
              <span className="text-muted">
                Report published {formatDate(article.reportPublishedAt?.toISOString() ?? null)}. Checked claims are marked in the text;
                select one to read the verdict.
              </span>
            </p>
            <div className="mt-3">
              <VerdictTally claims={claims} scale={article.ratingScale} />
            </div>
          </div>
        </header>
        <div className="mt-10 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,42rem)_minmax(0,1fr)]">
          <ReportBody html={html} lang={lang} marks={Object.fromEntries(claims.map((c) => [c.id, reportMarkDescription(c)]))} />
          <section aria-labelledby="verdicts-title" className="space-y-4">
            <h2 id="verdicts-title" className="text-xs font-semibold uppercase tracking-widest text-muted">
              Verdicts
            </h2>
            {claims.map((claim) => (
              <VerdictCard
                key={claim.id}
                claim={claim}
                scale={article.ratingScale}
                lang={lang}
                page={pageAt(article.blocks, claim.start)}
              />
            ))}
          </section>
        </div>
        <CorrectionsLog corrections={report.corrections} claims={claims} />
        <footer className="mt-16 border-t border-rule pt-6 text-xs text-muted">
          Fact-checked by {article.publisher.name}. {describeRatingScale(article.ratingScale)}
        </footer>
      </main>
    </div>
  );
}
