// Turns a place in the folded new text into a scored candidate in real offsets, and says
// where to look for approximate matches at all.

import { splitsSurrogatePair, trimRange } from "../selectors";
import { approximateSearch } from "./approximate";
import type { DiffMap } from "./diff-map";
import { toRealRange, type FoldedQuote, type FoldedText } from "./fold";
import { confidenceOf } from "./score";
import { contextSimilarity, editDistance, figuresOf, isWordCharAt } from "./similarity";

/** Both bodies, folded, and the diff between the folded forms: built once per new version. */
export type Prepared = {
  oldBody: string;
  newBody: string;
  oldFolded: FoldedText;
  newFolded: FoldedText;
  diff: DiffMap;
};

export type Span = { from: number; to: number };

/** A candidate: folded range, real range in the new body, quote similarity and confidence. */
export type Scored = Span & { start: number; end: number; quote: number; ownShare: number; confidence: number };

// Snapping a fuzzy match out to whole words re-measures it; beyond this length that costs
// more than the nicer boundary is worth.
const MAX_SNAP_LENGTH = 1000;
const MAX_SNAP_STEP = 32;

/**
 * Scores places in the folded new body for one claim. `quote` is the claim's folded quote, `own` where its text
 * was in the folded old body (null when it cannot be found there: then word origin counts as one half), `mapped`
 * where the diff maps that place; all offsets are folded UTF-16 code units. Returns `exact(from)` for a word-for-word
 * match and `fuzzy(from, to, errors)` for an approximate one (widened to whole words when the claim was), each a
 * Scored candidate with its real range in the new body and confidenceOf's 0..1 confidence, or null when the range is
 * empty or only whitespace. Never throws.
 */
export function createScorer(prepared: Prepared, quote: FoldedQuote, own: Span | null, mapped: Span) {
  const text = prepared.newFolded.text;
  let figures: string | null = null; // computed on first need: exact matches never need it
  const startsAtWord = isWordCharAt(quote.exact, 0) && !isWordCharAt(quote.prefix, quote.prefix.length - 1);
  const endsAtWord = isWordCharAt(quote.exact, quote.exact.length - 1) && !isWordCharAt(quote.suffix, 0);

  function score(from: number, to: number, quoteSimilarity: number): Scored | null {
    if (to <= from) return null;
    const real = realRange(prepared, from, to);
    if (real === null) return null;
    const length = to - from;
    let origin = 0.5;
    let ownShare = 0;
    let foreignShare = 0;
    if (own !== null) {
      const o = prepared.diff.classify(from, to, own.from, own.to);
      origin = (o.own + 0.5 * o.inserted) / length;
      ownShare = o.own / length;
      foreignShare = o.foreign / length;
    }
    const confidence = confidenceOf({
      quote: quoteSimilarity,
      quoteLength: quote.exact.length,
      prefix: contextSimilarity(quote.prefix, text.slice(Math.max(0, from - quote.prefix.length), from)),
      suffix: contextSimilarity(quote.suffix, text.slice(to, to + quote.suffix.length)),
      origin,
      foreignShare,
      position: 1 - Math.min(1, Math.abs(from - mapped.from) / Math.max(1, text.length)),
      figuresChanged: quoteSimilarity < 1 && figuresOf(text.slice(from, to)) !== (figures ??= figuresOf(quote.exact)),
    });
    return { from, to, ...real, quote: quoteSimilarity, ownShare, confidence };
  }

  return {
    /** The quote found word for word (after folding) at `from`. */
    exact(from: number): Scored | null {
      return score(from, from + quote.exact.length, 1);
    },
    /** An approximate match with `errors` edits; widened to whole words if the claim was. */
    fuzzy(from: number, to: number, errors: number): Scored | null {
      let a = from;
      let b = to;
      if (quote.exact.length <= MAX_SNAP_LENGTH) {
        for (let step = 0; startsAtWord && step < MAX_SNAP_STEP && isWordCharAt(text, a) && isWordCharAt(text, a - 1); step++) a--;
        for (let step = 0; endsAtWord && step < MAX_SNAP_STEP && isWordCharAt(text, b - 1) && isWordCharAt(text, b); step++) b++;
      }
      const measured = a === from && b === to ? errors : editDistance(quote.exact, text.slice(a, b));
      return score(a, b, Math.max(0, 1 - measured / quote.exact.length));
    },
  };
}

/** Folded [from, to) as a real range of the new body, trimmed, never splitting a surrogate pair. */
function realRange(prepared: Prepared, from: number, to: number): { start: number; end: number } | null {
  const { newBody, newFolded } = prepared;
  let { start, end } = toRealRange(newFolded, from, to);
  if (splitsSurrogatePair(newBody, start)) start -= 1;
  if (splitsSurrogatePair(newBody, end)) end += 1;
  return trimRange(newBody, start, end);
}

/**
 * Where an approximate match could be the claim: first its mapped place, searched on its own
 * so that a closer look-alike elsewhere cannot hide it (the matcher reports only the best
 * matches of a search); then all text the edit inserted, since an edited claim may also have
 * moved. Unchanged text elsewhere is not searched: it was there before and was not this claim.
 * Without a place in the old body (`own` null, a stale claim) the whole text is searched.
 * Offsets and lengths are folded UTF-16 code units; `near` is padded by a quarter of the quote plus 8, inserted
 * ranges by a quote's length, clipped to [0, textLength). Returns non-overlapping spans in order.
 */
export function searchWindows(
  diff: DiffMap,
  own: Span | null,
  mapped: Span,
  quoteLength: number,
  textLength: number,
): { near: Span[]; inserted: Span[] } {
  if (own === null) return { near: [{ from: 0, to: textLength }], inserted: [] };
  const clip = (from: number, to: number): Span => ({ from: Math.max(0, from), to: Math.min(textLength, to) });
  const slack = Math.ceil(quoteLength / 4) + 8;
  const near = clip(mapped.from - slack, mapped.to + slack);
  const inserted: Span[] = [];
  const push = (span: Span) => {
    const last = inserted[inserted.length - 1];
    if (span.to <= span.from) return;
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else inserted.push(span);
  };
  for (const range of diff.insertions()) {
    const span = clip(range.start - quoteLength, range.end + quoteLength);
    // The near window has been searched already (it can be large when a whole block was
    // replaced); keep a quote's length of overlap so matches across its edges are still seen.
    if (span.from < near.to && near.from < span.to) {
      push({ from: span.from, to: Math.min(span.to, near.from + quoteLength) });
      push({ from: Math.max(span.from, near.to - quoteLength), to: span.to });
    } else {
      push(span);
    }
  }
  return { near: [near], inserted };
}

// Normal text has one to three best approximate matches; text that is one character repeated has one at every
// position, all overlapping. Past this many the rest add nothing a person could use.
export const MAX_APPROXIMATE_MATCHES = 50;

/**
 * Best approximate matches of `pattern` within any of `spans` of `text`, in one pass of the
 * matcher (approximateSearch, Myers' bit-parallel algorithm): the spans are joined with separators longer
 * than `maxErrors` made of a character the pattern lacks, so no match can reach across one. Returns each match
 * as a [from, to) range of `text` (UTF-16 code units, clipped to its span) with its edit count, the first
 * MAX_APPROXIMATE_MATCHES (50) in text order; [] for no spans. Time O(length of the spans · ⌈m/32⌉) plus a bounded
 * amount per match, whatever the text.
 */
export function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  spans: readonly Span[],
): { from: number; to: number; errors: number }[] {
  if (spans.length === 0) return [];
  const separator = (pattern.includes("\uffff") ? "\ufffe" : "\uffff").repeat(maxErrors + 1);
  const joined: string[] = [];
  const offsets: number[] = []; // where each span starts in the joined text
  let length = 0;
  for (const span of spans) {
    offsets.push(length);
    joined.push(text.slice(span.from, span.to));
    length += span.to - span.from + separator.length;
  }
  const matches: { from: number; to: number; errors: number }[] = [];
  for (const m of approximateSearch(joined.join(separator), pattern, maxErrors, MAX_APPROXIMATE_MATCHES)) {
    let k = offsets.length - 1;
    while (k > 0 && offsets[k]! > m.start) k--;
    const span = spans[k]!;
    const from = Math.max(span.from, span.from + m.start - offsets[k]!);
    const to = Math.min(span.to, span.from + m.end - offsets[k]!);
    if (to > from) matches.push({ from, to, errors: m.errors });
  }
  return matches;
}
