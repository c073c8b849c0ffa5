import { formatDate } from "@/components/articles/format";
import { CORRECTION_KIND } from "@/components/publish/VerdictCard";
import type { PublicReport } from "@/lib/publish/report";

/** The report's corrections log (IFCN principle 5: open and honest corrections), oldest first. */
export function CorrectionsLog({ corrections, claims }: { corrections: PublicReport["corrections"]; claims: PublicReport["claims"] }) {
  if (corrections.length === 0) return null;
  const quoteOf = (claimId: string | null, before: { exact?: string } | null) =>
    claims.find((c) => c.id === claimId)?.exact ?? before?.exact ?? null;
  return (
    <section aria-labelledby="corrections-title" className="mt-12 max-w-3xl" data-testid="corrections-log">
      <h2 id="corrections-title" className="text-xs font-semibold uppercase tracking-widest text-muted">
        Corrections and updates
      </h2>
      <ol className="mt-3 space-y-3 text-sm">
        {corrections.map((c) => {
          const quote = quoteOf(c.claimId, c.before);
          const now = claims.find((k) => k.id === c.claimId)?.verdict.label;
          const was = c.before?.verdict && c.before.verdict !== now ? c.before.verdict : null;
          return (
            <li key={c.id} className="rounded-md border border-rule bg-white px-4 py-3">
              <p>
                <span className="font-semibold text-ink">{CORRECTION_KIND[c.kind]}</span>{" "}
                <time dateTime={c.at.toISOString()} className="text-muted">
                  {formatDate(c.at.toISOString())}
                </time>
              </p>
              {quote && (
                <p className="mt-1 font-serif text-muted">
                  {c.claimId ? (
                    <a href={`#claim-${c.claimId}`} className="hover:text-accent">
                      “{quote}”
                    </a>
                  ) : (
                    <>“{quote}”</>
                  )}
                  {was ? ` (was rated ${was})` : ""}
                </p>
              )}
              <p className="mt-1 text-ink">{c.note}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
