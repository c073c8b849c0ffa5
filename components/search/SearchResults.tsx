import Link from "next/link";
import type { HighlightSegment, SearchHit } from "@/lib/search/search";
import { statusLabel, type StatusKey } from "@/lib/claims/verdicts";
import { SEARCH_KINDS, type SearchKind } from "@/lib/validation/search";
import { inputClass, quietButtonClass, buttonClass } from "@/components/ui/styles";

const KIND_LABEL: Record<SearchKind, string> = { article: "Article", claim: "Claim", comment: "Comment", evidence: "Evidence" };

/** Text with the matched words marked (<mark>); segments come from the server, never HTML. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function detailText(hit: SearchHit): string | null {
  if (!hit.detail) return null;
  if (hit.kind === "claim") return statusLabel(hit.detail as StatusKey);
  if (hit.kind === "comment") return `comment by ${hit.detail}`;
  return `evidence that ${hit.detail === "context" ? "gives context" : hit.detail}`;
}

/** The search form of the search page: the query and which kind of thing to look in. */
export function SearchForm({ q, kind }: { q: string; kind: SearchKind | undefined }) {
  return (
    <form action="/search" method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3">
      <label className="min-w-64 flex-1 text-sm">
        <span className="mb-1 block font-medium">Search</span>
        <input name="q" type="search" defaultValue={q} className={inputClass} maxLength={200} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">In</span>
        <select name="kind" defaultValue={kind ?? ""} className={inputClass}>
          <option value="">Everything</option>
          {SEARCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}s
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass}>
        Search
      </button>
      <p className="basis-full text-xs text-muted">
        All words must appear. Use &quot;quotes&quot; for a phrase, -word to leave a word out, or to allow either.
      </p>
    </form>
  );
}

/**
 * How many results, said honestly: "3 results", or "612+ results" with a hint to narrow the query when a kind had
 * more matches than the search ranks (SearchResults.totalIsLowerBound). Null when the total is not known.
 */
export function resultCountText(total: number | null, totalIsLowerBound: boolean): string | null {
  if (total === null) return null;
  const count = `${total.toLocaleString("en-GB")}${totalIsLowerBound ? "+" : ""}`;
  return `${count} ${total === 1 && !totalIsLowerBound ? "result" : "results"}`;
}

/** One page of hits, each linking to the article or to the claim in it, with links to the previous and next pages. */
export function SearchResults({
  hits,
  page,
  hasMore,
  total = null,
  totalIsLowerBound = false,
  pageHref,
}: {
  hits: SearchHit[];
  page: number;
  hasMore: boolean;
  /** SearchResults.total and totalIsLowerBound from searchTeam. */
  total?: number | null;
  totalIsLowerBound?: boolean;
  pageHref: (page: number) => string;
}) {
  const countText = resultCountText(total, totalIsLowerBound);
  return (
    <>
      {countText && (
        <p className="mb-2 text-sm text-muted" data-testid="search-count">
          {countText}
          {totalIsLowerBound && " — the best of the first matches of each kind are shown; add words to narrow the search."}
        </p>
      )}
      <ol className="divide-y divide-rule rounded-lg border border-rule bg-white" data-testid="search-results">
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`} className="p-4" data-kind={hit.kind}>
            {/* Kind and status first, each kept on one line; the article title follows, on a line of its own when
                it does not fit, truncated there. Squeezed beside a long title, the status broke into a column of
                single words on a phone. */}
            <div className="mb-1 flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted" data-testid="hit-meta">
              <span className="shrink-0 rounded border border-rule px-1.5 py-0.5 font-medium uppercase tracking-wide">
                {KIND_LABEL[hit.kind]}
              </span>
              {detailText(hit) && <span className="shrink-0 whitespace-nowrap">{detailText(hit)}</span>}
              {hit.kind !== "article" && <span className="max-w-full min-w-0 truncate">in “{hit.articleTitle}”</span>}
            </div>
            <Link href={hit.href} className={`${hit.kind === "article" ? "font-medium" : "font-serif"} text-ink hover:text-accent`}>
              {hit.kind === "article" ? (
                <Highlighted segments={hit.title} />
              ) : (
                <>
                  “<Highlighted segments={hit.title} />”
                </>
              )}
            </Link>
            {hit.snippet.some((s) => s.text.trim()) && (
              <p className="mt-1 line-clamp-3 text-sm text-stone-600">
                <Highlighted segments={hit.snippet} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        {page > 1 ? (
          <Link href={pageHref(page - 1)} className={quietButtonClass} rel="prev">
            Previous
          </Link>
        ) : (
          <span />
        )}
        <span className="text-muted">Page {page}</span>
        {hasMore ? (
          <Link href={pageHref(page + 1)} className={quietButtonClass} rel="next">
            Next
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
