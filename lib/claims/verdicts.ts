// The default rating scale. A claim stores both the ordinal and the label, so a team can
// change its scale later without rewriting old verdicts. Unverifiable sits outside the
// ordinal scale (ordinal 0), which matters for agreement statistics.

export const VERDICTS = [
  { key: "true", label: "True", ordinal: 5 },
  { key: "mostly_true", label: "Mostly true", ordinal: 4 },
  { key: "misleading", label: "Misleading", ordinal: 3 },
  { key: "mostly_false", label: "Mostly false", ordinal: 2 },
  { key: "false", label: "False", ordinal: 1 },
  { key: "unverifiable", label: "Unverifiable", ordinal: 0 },
] as const;

export type VerdictKey = (typeof VERDICTS)[number]["key"];
export const VERDICT_KEYS = VERDICTS.map((v) => v.key) as [VerdictKey, ...VerdictKey[]];
export const BEST_RATING = 5;
export const WORST_RATING = 1;

/**
 * The verdict of the scale (VERDICTS) with this key: `{ key, label, ordinal }`, ordinal 5 (True) … 1 (False),
 * 0 for Unverifiable. The key type makes a miss impossible for typed callers; an unchecked string that is not a
 * key would return undefined despite the type, so validate input with VERDICT_KEYS first.
 */
export function verdictByKey(key: VerdictKey) {
  return VERDICTS.find((v) => v.key === key)!;
}

/**
 * The verdict key a stored ordinal stands for (5 → "true" … 0 → "unverifiable"); null for no verdict
 * (null) and for an ordinal that is not on the scale.
 */
export function verdictKeyOf(ordinal: number | null): VerdictKey | null {
  if (ordinal === null) return null;
  return VERDICTS.find((v) => v.ordinal === ordinal)?.key ?? null;
}

/**
 * The key a stored verdict reads as: the rating key stored with it (the team's own rating, e.g. "half_true"), or for
 * a row stored without one the default scale's key of its ordinal (verdictKeyOf). Null for no verdict.
 */
export function storedVerdictKey(stored: string | null | undefined, ordinal: number | null): string | null {
  if (ordinal === null) return null;
  return stored ?? verdictKeyOf(ordinal);
}

export const STATUSES = [
  { key: "unreviewed", label: "Unreviewed" },
  { key: "in_review", label: "In review" },
  { key: "verdict_proposed", label: "Verdict proposed" },
  { key: "disputed", label: "Disputed" },
  { key: "verified", label: "Verified" },
  { key: "not_check_worthy", label: "Not check-worthy" },
] as const;

export type StatusKey = (typeof STATUSES)[number]["key"];
export const STATUS_KEYS = STATUSES.map((s) => s.key) as [StatusKey, ...StatusKey[]];

export type StatusCounts = Record<StatusKey, number>;

/** A zero for every status, including ones added to the scale later. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s.key, 0])) as StatusCounts;
}

/**
 * The label people read for a status key ("verdict_proposed" → "Verdict proposed"). Typed keys always have
 * one; an unchecked string that is not a key would throw a TypeError, so validate with STATUS_KEYS first.
 */
export function statusLabel(key: StatusKey): string {
  return STATUSES.find((s) => s.key === key)!.label;
}
