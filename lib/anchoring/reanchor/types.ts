import type { TextPositionSelector, TextQuoteSelector } from "../selectors";

/** A claim as stored against the old body. */
export type ReanchorClaim = { id: string; quote: TextQuoteSelector; position: TextPositionSelector };

/** A place in the new body a person could choose; `score` is its confidence, 0..1. */
export type ReanchorCandidate = { start: number; end: number; text: string; score: number };

/**
 * - "exact-position": the same words at the same offsets, with matching surroundings.
 * - "exact-quote": the same words (up to quote style, dashes and spacing) somewhere else.
 * - "fuzzy": nearly the same words, e.g. after a typo fix or light rewording.
 * - "needs-review": not attached; a person picks from `candidates` or re-selects the text.
 */
export type ReanchorOutcome = "exact-position" | "exact-quote" | "fuzzy" | "needs-review";

/**
 * `candidates`: the places found, best first, for a person to choose from. Empty for
 * "exact-position" (the same words where they were: there is nothing to choose), which also
 * keeps the commonest case (an unchanged claim) as cheap as a plain position check.
 */
type ResultBase = { id: string; confidence: number; candidates: ReanchorCandidate[] };

/** Attached: `start`/`end` are UTF-16 offsets into the new body, never inside a surrogate pair. */
export type AttachedResult = ResultBase & { outcome: Exclude<ReanchorOutcome, "needs-review">; start: number; end: number };
export type NeedsReviewResult = ResultBase & { outcome: "needs-review"; start?: undefined; end?: undefined };
export type ReanchorResult = AttachedResult | NeedsReviewResult;

export type ReanchorOptions = {
  /** Minimum confidence to attach; defaults to ATTACH_THRESHOLD. */
  threshold?: number;
  /** How many candidates to return for a person; defaults to 3. */
  maxCandidates?: number;
};
