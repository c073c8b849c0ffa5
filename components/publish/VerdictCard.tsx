import { formatDate } from "@/components/articles/format";
import { formatNames } from "@/lib/text/names";
import { PageMark } from "@/components/claims/PageMark";
import { LinkifiedText } from "@/components/ui/LinkifiedText";
import { verdictChipClass, verdictChipStyle } from "@/components/publish/verdict-style";
import type { RatingEntry } from "@/lib/teams/rating-scale";
import { claimDates } from "@/lib/publish/claim-dates";
import type { PublicReport } from "@/lib/publish/report";

const STANCE: Record<string, string> = { supports: "Supports", contradicts: "Contradicts", context: "Context" };
export const CORRECTION_KIND = { update: "Updated", correction: "Correction" } as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** One verified claim on the public report: the quote, the verdict (in the team's colour for it), why, and the sources. */
export function VerdictCard({
  claim,
  scale,
  page = null,
  lang,
}: {
  claim: PublicReport["claims"][number];
  scale: readonly RatingEntry[];
  /** The page of the imported PDF the claim is on, when the article came from a PDF. */
  page?: number | null;
  /** The article's language (BCP 47), for the quote. */
  lang?: string;
}) {
  const dates = claimDates(claim);
  return (
    <article
      id={`claim-${claim.id}`}
      tabIndex={-1}
      data-testid="verdict-card"
      className="scroll-mt-6 rounded-lg border border-rule bg-white p-5 shadow-sm target:ring-2 target:ring-accent"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className={verdictChipClass} style={verdictChipStyle(scale, claim.verdict)} data-testid="verdict-chip">
          {claim.verdict.label}
        </span>
        {claim.highlighted && page !== null && <PageMark page={page} className="text-xs text-muted" />}
        {!claim.highlighted && <span className="text-xs text-muted">Not marked in the text (the article changed since)</span>}
      </div>
      {claim.correction && (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="correction-state">
          {claim.correction.state === "withdrawn"
            ? "Withdrawn: this verdict no longer stands."
            : "Being re-checked: this is the verdict as last verified."}
        </p>
      )}
      <blockquote className="mt-3 border-l-2 border-rule pl-3 font-serif text-[1.05rem] leading-snug text-ink" dir="auto" lang={lang}>
        “{claim.exact}”
      </blockquote>
      {(claim.claimant || claim.firstAppearance) && (
        <p className="mt-2 text-xs text-muted" data-testid="claimant">
          {claim.claimant && (
            <>
              Claim by <span className="font-medium text-ink">{claim.claimant.name}</span>
              {claim.claimant.description ? `, ${claim.claimant.description}` : ""}
            </>
          )}
          {claim.firstAppearance && (
            <>
              {claim.claimant ? " · " : ""}first appeared
              {claim.firstAppearance.date ? ` ${formatDate(claim.firstAppearance.date)}` : ""}
              {claim.firstAppearance.url && (
                <>
                  {" "}
                  (
                  <a
                    href={claim.firstAppearance.url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="underline hover:text-accent"
                  >
                    source
                  </a>
                  )
                </>
              )}
            </>
          )}
        </p>
      )}
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-muted">Our assessment</h3>
      <p className="mt-1 text-sm leading-relaxed text-ink" dir="auto">
        <LinkifiedText text={claim.verdict.explanation} />
      </p>
      {claim.evidence.length > 0 && (
        <>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-muted">Sources</h3>
          <ul className="mt-1 space-y-1.5 text-sm">
            {claim.evidence.map((e, i) => (
              <li key={i} className="flex gap-2">
                <span className="mt-0.5 shrink-0 self-start rounded bg-stone-100 px-1.5 text-[0.7rem] leading-5 text-muted">
                  {STANCE[e.stance]}
                </span>
                <span>
                  <a
                    href={e.url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="text-accent underline-offset-2 hover:underline"
                  >
                    {e.title}
                  </a>
                  <span className="text-xs text-muted">
                    {" "}
                    · {hostOf(e.url)}
                    {e.sourceType === "primary" ? " · primary source" : ""}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* Who checked and who signed off, apart: "Verified by" alone read as if the editor who signed off had done the checking.
          Both come from the claim's record, where people are told apart by user id, so two people who share a name are both
          named; nobody is named as checker of an imported verdict. */}
      <div className="mt-4 border-t border-rule pt-3 text-xs text-muted">
        <p data-testid="verdict-credit">
          {claim.checkedBy.length > 0 && <>Checked by {formatNames(claim.checkedBy)} · </>}
          {claim.verifiedBy ? `Signed off by ${claim.verifiedBy}` : "Verified"} on {formatDate(claim.verifiedAt.toISOString())}
        </p>
        <p data-testid="claim-dates">
          First published {formatDate(dates.published.toISOString())}
          {dates.modified ? ` · Last updated ${formatDate(dates.modified.toISOString())}` : ""}
        </p>
      </div>
      {claim.corrections.length > 0 && (
        <ul className="mt-2 space-y-1 text-xs" data-testid="claim-corrections">
          {claim.corrections.map((c) => (
            <li key={c.id}>
              <span className="font-semibold text-ink">
                {CORRECTION_KIND[c.kind]} {formatDate(c.at.toISOString())}:
              </span>{" "}
              <span className="text-ink">{c.note}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
