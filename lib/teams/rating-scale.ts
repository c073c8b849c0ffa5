// A team's rating scale: the six ratings of the default scale (lib/claims/verdicts.ts), each with the
// team's label, colour, position in the list and whether it is a "no rating" (outside the ordinal scale,
// left out of agreement statistics and ClaimReview's numeric rating). Stored on Team.ratingScale; null is
// the default. A verdict stores the ordinal and the label it was given, so changing the scale never
// rewrites a stored verdict: old verdicts keep showing the label they were given.
import { VERDICTS, type VerdictKey } from "@/lib/claims/verdicts";

export type RatingEntry = { key: VerdictKey; ordinal: number; label: string; colour: string; noRating: boolean };

const DEFAULT_COLOURS: Record<VerdictKey, string> = {
  true: "#1a7f37",
  mostly_true: "#4d9a2a",
  misleading: "#b7791f",
  mostly_false: "#c2571a",
  false: "#b42318",
  unverifiable: "#667085",
};

/** The default scale: True … False (ordinals 5 … 1), then Unverifiable (0, "no rating"), with default colours. */
export function defaultRatingScale(): RatingEntry[] {
  return VERDICTS.map((v) => ({
    key: v.key,
    ordinal: v.ordinal,
    label: v.label,
    colour: DEFAULT_COLOURS[v.key],
    noRating: v.ordinal === 0,
  }));
}

/**
 * The scale a team uses, from its stored `ratingScale` (null or anything unreadable: the default). Entries come
 * in the team's order; a rating missing from the stored value is appended with its default look, so every
 * key of VERDICTS is always present exactly once.
 */
export function readRatingScale(stored: unknown): RatingEntry[] {
  const defaults = defaultRatingScale();
  if (!Array.isArray(stored)) return defaults;
  const seen = new Set<string>();
  const entries: RatingEntry[] = [];
  for (const raw of stored as unknown[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const base = defaults.find((d) => d.key === r.key);
    if (!base || seen.has(base.key)) continue;
    seen.add(base.key);
    entries.push({
      ...base,
      label: typeof r.label === "string" && r.label.trim() ? r.label : base.label,
      colour: typeof r.colour === "string" && /^#[0-9a-f]{6}$/i.test(r.colour) ? r.colour : base.colour,
      noRating: typeof r.noRating === "boolean" ? r.noRating : base.noRating,
    });
  }
  return [...entries, ...defaults.filter((d) => !seen.has(d.key))];
}

/** The team's label for a rating key (what a new verdict stores), from a scale read by readRatingScale. */
export function labelFor(scale: readonly RatingEntry[], key: VerdictKey): string {
  return scale.find((e) => e.key === key)?.label ?? VERDICTS.find((v) => v.key === key)!.label;
}
