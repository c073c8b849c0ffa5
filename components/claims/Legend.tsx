"use client";

import { useRatingScale } from "@/components/claims/RatingScale";
import { VerdictBadge } from "@/components/claims/VerdictBadge";
import { verdictLook } from "@/lib/teams/rating-scale";
import type { CSSProperties } from "react";

const STATUS_SWATCHES = [
  { label: "Unreviewed", status: "unreviewed" },
  { label: "In review", status: "in_review" },
  { label: "Verdict proposed", status: "verdict_proposed" },
  { label: "Disputed (reviewers disagree)", status: "disputed" },
  { label: "Verified", status: "verified" },
  { label: "Not check-worthy", status: "not_check_worthy" },
];

/** Explains the highlight colours: fill says the verdict (the team's rating scale), underline style says the status. */
export function Legend() {
  const scale = useRatingScale();
  return (
    <details className="text-xs text-muted" data-testid="legend">
      <summary className="cursor-pointer select-none">Legend</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <ul className="space-y-1">
          {STATUS_SWATCHES.map((s) => (
            <li key={s.label}>
              <span className="hl" data-status={s.status}>
                Sample
              </span>{" "}
              {s.label}
            </li>
          ))}
        </ul>
        <ul className="space-y-1">
          {scale.map((r) => (
            <li key={r.key} className="flex flex-wrap items-center gap-1.5">
              <span className="hl" data-status="verified" style={{ "--fill": verdictLook(scale, r).tint } as CSSProperties}>
                Sample
              </span>
              <VerdictBadge verdict={r} sayNoRating={false} />
              {r.noRating && <span>no rating</span>}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
