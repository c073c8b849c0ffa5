// A team's rating scale (Team.ratingScale; null is the default): the ratings its verdict menu offers, each with
// a key (stable id, what forms send), label, colour, ClaimReview ordinal (1 = False … 5 = True, 0 = outside the
// truth scale) and whether it is a "no rating" (left out of agreement statistics and ClaimReview's numeric
// rating). A team may add ratings ("Half true", ordinal 3) and remove them. A verdict stores the ordinal and the
// label it was given, so changing the scale never rewrites a stored verdict: old verdicts keep showing their
// label, and find their look by label, then by ordinal (ratingOf), then from the default colours.
import { VERDICTS } from "@/lib/claims/verdicts";
import { readableTextOn, tintFor } from "@/lib/teams/colour";

export type RatingEntry = { key: string; ordinal: number; label: string; colour: string; noRating: boolean };

/** At most this many ratings on a scale: a verdict menu longer than this is no longer read at a glance. */
export const MAX_RATINGS = 12;
/** Keys of ratings: what forms send and what the API accepts as `verdict`. */
export const RATING_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

const DEFAULT_COLOURS: Record<string, string> = {
  true: "#1a7f37",
  mostly_true: "#4d9a2a",
  misleading: "#b7791f",
  mostly_false: "#c2571a",
  false: "#b42318",
  unverifiable: "#667085",
};
// The highlight fills the stylesheet has always used for the default colours (app/globals.css .hl[data-verdict]):
// a team that keeps a default colour keeps that designed tint; any other colour gets tintFor's.
const DEFAULT_TINTS: Record<string, string> = {
  "#1a7f37": "#bbf7d0",
  "#4d9a2a": "#d9f99d",
  "#b7791f": "#fed7aa",
  "#c2571a": "#fecaca",
  "#b42318": "#fca5a5",
  "#667085": "#e7e5e4",
};
/** The default colour of each ordinal: the look of a verdict whose rating the team has since removed. */
const ORDINAL_COLOURS = new Map<number, string>(VERDICTS.map((v) => [v.ordinal, DEFAULT_COLOURS[v.key]!]));

/** The default scale: True … False (ordinals 5 … 1), then Unverifiable (0, "no rating"), with default colours. */
export function defaultRatingScale(): RatingEntry[] {
  return VERDICTS.map((v) => ({
    key: v.key,
    ordinal: v.ordinal,
    label: v.label,
    colour: DEFAULT_COLOURS[v.key]!,
    noRating: v.ordinal === 0,
  }));
}

/**
 * The scale a team uses, from its stored `ratingScale`, in the team's order. Null, a non-list, or a list with no
 * readable entry gives the default scale. Unreadable entries and repeated keys or labels are skipped; an entry
 * stored before ordinals were stored (a default key without `ordinal`) takes the default ordinal of its key.
 * Ordinal 0 is always "no rating".
 */
export function readRatingScale(stored: unknown): RatingEntry[] {
  if (!Array.isArray(stored)) return defaultRatingScale();
  const keys = new Set<string>();
  const labels = new Set<string>();
  const entries: RatingEntry[] = [];
  for (const raw of stored as unknown[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const base = VERDICTS.find((v) => v.key === r.key);
    const ordinal = typeof r.ordinal === "number" ? r.ordinal : base?.ordinal;
    const label = typeof r.label === "string" ? r.label.trim() : "";
    if (typeof r.key !== "string" || !RATING_KEY.test(r.key) || keys.has(r.key)) continue;
    if (ordinal === undefined || !Number.isInteger(ordinal) || ordinal < 0 || ordinal > 5) continue;
    if (!label || labels.has(label.toLowerCase())) continue;
    keys.add(r.key);
    labels.add(label.toLowerCase());
    entries.push({
      key: r.key,
      ordinal,
      label,
      colour:
        typeof r.colour === "string" && HEX_COLOUR.test(r.colour) ? r.colour.toLowerCase() : (ORDINAL_COLOURS.get(ordinal) ?? "#667085"),
      noRating: ordinal === 0 || r.noRating === true,
    });
    if (entries.length === MAX_RATINGS) break;
  }
  return entries.length > 0 ? entries : defaultRatingScale();
}

/** The rating of the scale with this key, or undefined when the team has no such rating (removed, or never had). */
export function ratingByKey(scale: readonly RatingEntry[], key: string): RatingEntry | undefined {
  return scale.find((e) => e.key === key);
}

/**
 * The rating a stored verdict belongs to on the team's scale now: the one with the rating key stored with it (so a
 * renamed rating keeps its verdicts), else the one with the verdict's label (letter case and outer spaces ignored;
 * verdicts stored before keys were), else the first with its ordinal, else undefined (the team removed it).
 */
export function ratingOf(
  scale: readonly RatingEntry[],
  verdict: { ordinal: number; label: string; key?: string | null },
): RatingEntry | undefined {
  const byKey = verdict.key ? ratingByKey(scale, verdict.key) : undefined;
  if (byKey) return byKey;
  const label = verdict.label.trim().toLowerCase();
  return scale.find((e) => e.label.toLowerCase() === label) ?? scale.find((e) => e.ordinal === verdict.ordinal);
}

/**
 * Whether a stored verdict is "no rating" on the team's scale: ordinal 0 always is; otherwise its rating's flag
 * (ratingOf). A verdict whose rating was removed counts by its ordinal alone (1..5: a rating).
 */
export function isNoRating(scale: readonly RatingEntry[], verdict: { ordinal: number; label: string; key?: string | null }): boolean {
  return verdict.ordinal === 0 || ratingOf(scale, verdict)?.noRating === true;
}

export type VerdictLook = {
  /** The team's colour for the rating (solid badges and chart bars). */
  colour: string;
  /** Black or white, whichever reads better on `colour`: at least 4.58:1 for any colour (WCAG AA is 4.5:1). */
  text: string;
  /** A light tint of `colour` for highlights behind body text (ink #1c1b19 on it stays at 4.5:1 or more). */
  tint: string;
  noRating: boolean;
};

/** How a stored verdict looks on the team's scale now: its rating's colour (ratingOf) or the ordinal's default. */
export function verdictLook(scale: readonly RatingEntry[], verdict: { ordinal: number; label: string; key?: string | null }): VerdictLook {
  const rating = ratingOf(scale, verdict);
  const colour = rating?.colour ?? ORDINAL_COLOURS.get(verdict.ordinal) ?? "#667085";
  return { colour, text: readableTextOn(colour), tint: DEFAULT_TINTS[colour] ?? tintFor(colour), noRating: isNoRating(scale, verdict) };
}

const quoted = (label: string) => `“${label}”`;
const listed = (labels: string[]) =>
  labels.length <= 2 ? labels.join(" and ") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;

/**
 * The sentence the public report uses to tell readers what its ratings mean, from the team's scale (readRatingScale):
 * the ratings from the truest to the least true (by ordinal, highest first; team order among equals), then the "no
 * rating" labels. Default scale: `Ratings run from “True” to “False”; “Unverifiable” marks a claim that could not be
 * rated on this scale.` (what a no-rating label means is the team's to say: this says only that it is no rating) A scale with one rating says `The one rating is “X”.`; one with no "no rating" label stops
 * after the range. Output: one or two sentences, ending in a full stop.
 */
export function describeRatingScale(scale: readonly RatingEntry[]): string {
  const rated = scale.filter((e) => !e.noRating).sort((a, b) => b.ordinal - a.ordinal);
  const unrated = scale.filter((e) => e.noRating).map((e) => quoted(e.label));
  const range =
    rated.length === 0
      ? ""
      : rated.length === 1
        ? `The one rating is ${quoted(rated[0]!.label)}`
        : `Ratings run from ${quoted(rated[0]!.label)} to ${quoted(rated[rated.length - 1]!.label)}`;
  const outside =
    unrated.length === 0
      ? ""
      : `${listed(unrated)} ${unrated.length === 1 ? "marks a claim" : "mark claims"} that could not be rated on this scale`;
  if (!range) return outside ? `${outside[0]!.toUpperCase()}${outside.slice(1)}.` : "";
  return outside ? `${range}; ${outside}.` : `${range}.`;
}
