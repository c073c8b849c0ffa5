"use client";

import type { CSSProperties } from "react";
import { useRatingScale } from "@/components/claims/RatingScale";
import { verdictLook, type RatingEntry } from "@/lib/teams/rating-scale";

type StoredVerdict = { ordinal: number; label: string };

/**
 * A verdict as a badge in the team's colour for its rating (lib/teams/rating-scale.ts verdictLook), the text black
 * or white, whichever reads at 4.5:1 or better. Shows the stored label, so a verdict whose rating was renamed or
 * removed still says what it was given. `scale` overrides the RatingScaleProvider's (public pages have none).
 */
export function VerdictBadge({
  verdict,
  scale,
  className = "",
  sayNoRating = true,
}: {
  verdict: StoredVerdict;
  scale?: readonly RatingEntry[];
  className?: string;
  /** Tells screen readers "(no rating)" for such a verdict; off where the words are on screen beside it. */
  sayNoRating?: boolean;
}) {
  const fromContext = useRatingScale();
  const look = verdictLook(scale ?? fromContext, verdict);
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}
      style={{ backgroundColor: look.colour, color: look.text }}
      data-testid="verdict-badge"
      data-colour={look.colour}
    >
      {verdict.label}
      {sayNoRating && look.noRating && <span className="sr-only"> (no rating)</span>}
    </span>
  );
}

/** Style for a `.hl` highlight of a claim with this verdict: the fill is a light tint of the team's colour. */
export function useVerdictFill(verdict: StoredVerdict | null | undefined): CSSProperties | undefined {
  const scale = useRatingScale();
  if (!verdict) return undefined;
  return { "--fill": verdictLook(scale, verdict).tint } as CSSProperties;
}
