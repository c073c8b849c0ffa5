import { VERDICTS } from "@/lib/claims/verdicts";

const STATUS_SWATCHES = [
  { label: "Unreviewed", status: "unreviewed" },
  { label: "In review", status: "in_review" },
  { label: "Verdict proposed", status: "verdict_proposed", verdict: "misleading" },
  { label: "Disputed (reviewers disagree)", status: "disputed" },
  { label: "Verified", status: "verified", verdict: "true" },
  { label: "Not check-worthy", status: "not_check_worthy" },
];

/** Explains the highlight colours: fill says the verdict, underline style says the status. */
export function Legend() {
  return (
    <details className="text-xs text-muted" data-testid="legend">
      <summary className="cursor-pointer select-none">Legend</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <ul className="space-y-1">
          {STATUS_SWATCHES.map((s) => (
            <li key={s.label}>
              <span className="hl" data-status={s.status} data-verdict={s.verdict}>
                Sample
              </span>{" "}
              {s.label}
            </li>
          ))}
        </ul>
        <ul className="space-y-1">
          {VERDICTS.map((v) => (
            <li key={v.key}>
              <span className="hl" data-status="verified" data-verdict={v.key}>
                Sample
              </span>{" "}
              {v.label}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
