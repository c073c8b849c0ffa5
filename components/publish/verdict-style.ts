import type { CSSProperties } from "react";
import { verdictLook, type RatingEntry } from "@/lib/teams/rating-scale";

/** Verdict chips on public pages: the shape; the colours come from verdictChipStyle. */
export const verdictChipClass =
  "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide ring-1 ring-inset ring-black/10";

/**
 * A verdict chip's colours: the team's colour for the verdict's rating (lib/teams/rating-scale.ts verdictLook, by
 * label, then ordinal, then the ordinal's default) and black or white text, whichever reads at 4.5:1 or better.
 */
export function verdictChipStyle(scale: readonly RatingEntry[], verdict: { ordinal: number; label: string }): CSSProperties {
  const look = verdictLook(scale, verdict);
  return { backgroundColor: look.colour, color: look.text };
}
