// How sure we are that a candidate range is the claim's text. Hypothesis scores a match as a
// weighted sum of quote similarity (50), prefix (20), suffix (20) and position (2), and takes
// the best one whatever its score. We keep those ingredients, add where the words came from
// according to the diff, and make the quote a gate rather than a summand: a sentence that was
// rewritten must not be saved by its unchanged surroundings.

/** Everything a confidence is computed from; similarities are 0..1. */
export type Signals = {
  /** 1 − edit errors / quote length, on folded text. */
  quote: number;
  /** Folded length of the claim's quote. */
  quoteLength: number;
  prefix: number;
  suffix: number;
  /** Share of the candidate that was the claim's own text (1), new text (½) or other old text (0). */
  origin: number;
  /** Share of the candidate that was other old text: a look-alike already in the article. */
  foreignShare: number;
  /** 1 at the claim's mapped position, falling to 0 a whole text length away. */
  position: number;
  /** The figures (digit runs) differ from the claim's. */
  figuresChanged: boolean;
};

/**
 * Results below this confidence are not attached: the claim goes to a person ("needs-review").
 * Tuned on the edit table in edit-cases.ts (`npx tsx bench/reanchor-tune.ts` prints it): the
 * cases that must attach — typo fixes, light rewordings, moves, quote/dash/space changes,
 * non-Latin text — score 0.834 and up (lowest: a whole paragraph moved, so both contexts
 * changed); those that must not — a rewording that changes the meaning, heavy rewording,
 * deletions beside look-alikes, changed figures, short claims whose sentence was rewritten —
 * score 0.650 or less (highest: "prepared to put" → "refused to rule out sending"). 0.75 is
 * the middle of that gap, so a small change to a weight does not flip a case; a one-word
 * change in a claim of a few words (one of the bench's rewordings) lands just below it, which
 * is right: such an edit often changes what is claimed.
 */
export const ATTACH_THRESHOLD = 0.75;

/**
 * When the runner-up (a different place in the text) is within this much of the best, the
 * choice is a coin toss between two places: a person decides.
 */
export const AMBIGUITY_MARGIN = 0.03;

// Support weights, Hypothesis's prefix/suffix/position plus the diff's word origin.
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const ORIGIN_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const SUPPORT_TOTAL = PREFIX_WEIGHT + SUFFIX_WEIGHT + ORIGIN_WEIGHT + POSITION_WEIGHT;

// A long quote found word for word is strong evidence by itself; a short one ("on Monday")
// occurs by chance, so its confidence must come from its surroundings. QUOTE_BASE is the
// share of confidence a quote of DISTINCTIVE_LENGTH or more folded characters earns alone.
const QUOTE_BASE = 0.75;
const DISTINCTIVE_LENGTH = 32;

/** A look-alike that was already in the article, or a changed figure, is never attached. */
export const NEVER_ATTACH_CAP = 0.5;

/**
 * The confidence, 0..1, that a candidate range is the claim's text. The quote similarity gates the score:
 * confidence = quote × (base + (1 − base) × support), where base (up to QUOTE_BASE, 0.75) grows with the folded
 * quote length up to 32 code units and support is the weighted context: prefix 20, suffix 20, word origin 20,
 * position 2 (Hypothesis's weights for prefix, suffix and position, see the file comment). Capped at
 * NEVER_ATTACH_CAP (0.5) when the figures changed or over half the candidate was other old text. Pure.
 */
export function confidenceOf(s: Signals): number {
  const support =
    (PREFIX_WEIGHT * s.prefix + SUFFIX_WEIGHT * s.suffix + ORIGIN_WEIGHT * s.origin + POSITION_WEIGHT * s.position) / SUPPORT_TOTAL;
  const base = QUOTE_BASE * Math.min(1, s.quoteLength / DISTINCTIVE_LENGTH);
  let confidence = s.quote * (base + (1 - base) * support);
  // A fact-check claim about "2.5 per cent" is not a claim about "3.5 per cent", however
  // similar the sentences; and text that was elsewhere before the edit was never this claim.
  if (s.figuresChanged || s.foreignShare > 0.5) confidence = Math.min(confidence, NEVER_ATTACH_CAP);
  return Math.max(0, Math.min(1, confidence));
}
