// Re-anchoring claims when an article's text is replaced by a new version. A claim either
// lands on the right words with a confidence, or is handed to a person with the best places
// to choose from; unlike Hypothesis it never settles for the best of several bad matches.
//
// Order of attempts for each claim, cheapest first:
//  1. Same offsets, same words, same stored context on both sides: done (1.0).
//  2. Fold both bodies (quote styles, dashes, whitespace) and diff them; the claim's own old
//     text, unchanged, at the place the diff maps it to: done, scored on its context.
//  3. Every occurrence of the folded quote in the new text, scored.
//  4. Approximate matches (Myers' bit-parallel algorithm) at the mapped place and in text the
//     edit inserted, scored.
// The best candidate is attached only if its confidence reaches the threshold and no other
// place comes within AMBIGUITY_MARGIN of it.

import { findOccurrences, nearestOccurrence } from "../occurrences";
import { CONTEXT_LENGTH, splitsSurrogatePair } from "../selectors";
import { isBlank } from "../whitespace";
import { approximateMatches, createScorer, searchWindows, type Prepared, type Scored, type Span } from "./candidates";
import { buildDiffMap } from "./diff-map";
import { editDistance } from "./similarity";
import { foldQuote, foldText } from "./fold";
import { AMBIGUITY_MARGIN, ATTACH_THRESHOLD } from "./score";
import type { ReanchorClaim, ReanchorOptions, ReanchorResult } from "./types";

const DEFAULT_MAX_CANDIDATES = 3;
// A very common quote ("the") can occur thousands of times; past this many occurrences the
// rest add nothing a person could use. Found in linear time (../occurrences), however many there are.
const MAX_EXACT_OCCURRENCES = 500;
// Hypothesis's cap on errors for the approximate search: half the quote, at most 256.
const MAX_ERRORS = 256;

type Settings = { threshold: number; maxCandidates: number };

function isValidPosition(body: string, start: number, end: number): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end && end <= body.length;
}

/**
 * Step 1: the claim's words at its offsets, with its stored context on both sides (or the
 * whole body unchanged: then nothing can have moved). Needs neither folding nor a diff.
 */
function samePlace(newBody: string, claim: ReanchorClaim, bodyUnchanged: boolean): ReanchorResult | null {
  const { start, end } = claim.position;
  const { exact, prefix, suffix } = claim.quote;
  // slice-and-compare: V8 does this faster than startsWith for quote-sized strings.
  if (!isValidPosition(newBody, start, end) || newBody.slice(start, end) !== exact) return null;
  // With the body unchanged, the span is the very one checked when the claim was stored.
  if (!bodyUnchanged) {
    if (start < prefix.length || newBody.slice(start - prefix.length, start) !== prefix) return null;
    if (newBody.slice(end, end + suffix.length) !== suffix) return null;
    // Stored claims are whole characters and never blank; starting with visible ASCII and not
    // ending on a high surrogate settles both without further tests.
    const first = exact.charCodeAt(0);
    const plain = first > 0x20 && first < 0x7f && exact.charCodeAt(exact.length - 1) < 0xd800;
    if (!plain && (splitsSurrogatePair(newBody, start) || splitsSurrogatePair(newBody, end) || isBlank(exact))) return null;
  }
  return { id: claim.id, outcome: "exact-position", confidence: 1, start, end, candidates: [] };
}

function prepare(oldBody: string, newBody: string): Prepared {
  const oldFolded = foldText(oldBody);
  const newFolded = foldText(newBody);
  return { oldBody, newBody, oldFolded, newFolded, diff: buildDiffMap(oldFolded.text, newFolded.text) };
}

/** Where the claim's text was in the folded old body: at its stored offsets, else its nearest occurrence. */
function locateInOld(prepared: Prepared, claim: ReanchorClaim): Span | null {
  const { oldBody, oldFolded } = prepared;
  const { exact } = claim.quote;
  const { start, end } = claim.position;
  if (exact === "") return null;
  const at =
    isValidPosition(oldBody, start, end) && oldBody.slice(start, end) === exact
      ? start
      : nearestOccurrence(oldBody, exact, Number.isSafeInteger(start) ? start : 0);
  if (at === -1) return null;
  return { from: oldFolded.fromReal[at]!, to: oldFolded.fromReal[at + exact.length]! };
}

function overlaps(a: Scored, b: Scored): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Best first, one per place: a candidate overlapping a better one is the same place. */
function rank(pool: readonly Scored[]): Scored[] {
  const sorted = [...pool].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: Scored[] = [];
  for (const candidate of sorted) {
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  }
  return kept;
}

function isClearWinner(ranked: readonly Scored[], threshold: number): boolean {
  const [best, second] = ranked;
  if (best === undefined || best.confidence < threshold) return false;
  return second === undefined || best.confidence - second.confidence >= AMBIGUITY_MARGIN;
}

function resultOf(prepared: Prepared, claim: ReanchorClaim, ranked: readonly Scored[], settings: Settings): ReanchorResult {
  const { newBody } = prepared;
  const candidates = ranked
    .slice(0, settings.maxCandidates)
    .map((c) => ({ start: c.start, end: c.end, text: newBody.slice(c.start, c.end), score: c.confidence }));
  const best = ranked[0];
  if (best === undefined || !isClearWinner(ranked, settings.threshold)) {
    return { id: claim.id, outcome: "needs-review", confidence: best?.confidence ?? 0, candidates };
  }
  const { start, end } = best;
  const samePosition = start === claim.position.start && end === claim.position.end && newBody.slice(start, end) === claim.quote.exact;
  const outcome = samePosition ? "exact-position" : best.quote === 1 ? "exact-quote" : "fuzzy";
  return { id: claim.id, outcome, confidence: best.confidence, start, end, candidates };
}

/**
 * The stored context next to the quote, at most CONTEXT_LENGTH code units of it (never half a surrogate pair):
 * what the scores were tuned on, and a bound on the cost of comparing it at every candidate (an imported file's
 * prefix may be 1,000 characters long).
 */
function nearContext(quote: ReanchorClaim["quote"]): ReanchorClaim["quote"] {
  const { prefix, suffix } = quote;
  if (prefix.length <= CONTEXT_LENGTH && suffix.length <= CONTEXT_LENGTH) return quote;
  let from = Math.max(0, prefix.length - CONTEXT_LENGTH);
  if (splitsSurrogatePair(prefix, from)) from += 1;
  let to = Math.min(suffix.length, CONTEXT_LENGTH);
  if (splitsSurrogatePair(suffix, to)) to -= 1;
  return { exact: quote.exact, prefix: prefix.slice(from), suffix: suffix.slice(0, to) };
}

function reanchorChanged(prepared: Prepared, claim: ReanchorClaim, settings: Settings): ReanchorResult {
  const quote = foldQuote(nearContext(claim.quote));
  const text = prepared.newFolded.text;
  if (quote.exact === "") return { id: claim.id, outcome: "needs-review", confidence: 0, candidates: [] };
  const own = locateInOld(prepared, claim);
  const hint = prepared.newFolded.fromReal[Math.min(Math.max(0, claim.position.start || 0), prepared.newBody.length)] ?? 0;
  const mapped = own === null ? { from: hint, to: hint } : { from: prepared.diff.mapStart(own.from), to: prepared.diff.mapEnd(own.to) };
  const scorer = createScorer(prepared, quote, own, mapped);
  const pool: Scored[] = [];
  const add = (candidate: Scored | null) => {
    if (candidate !== null) pool.push(candidate);
  };

  // 2. The claim's own words, untouched, where the diff says they went.
  if (own !== null && text.startsWith(quote.exact, mapped.from)) {
    const candidate = scorer.exact(mapped.from);
    if (candidate !== null && candidate.ownShare === 1 && candidate.confidence >= settings.threshold) {
      return resultOf(prepared, claim, [candidate], settings);
    }
    add(candidate);
  }

  // 3. The same words anywhere.
  for (const at of findOccurrences(text, quote.exact, MAX_EXACT_OCCURRENCES)) add(scorer.exact(at));
  let ranked = rank(pool);
  if (isClearWinner(ranked, settings.threshold)) return resultOf(prepared, claim, ranked, settings);

  // 4. Nearly the same words where the claim was, then in text the edit inserted.
  // Near its old place, look as far as Hypothesis does (half the quote may differ) so a person
  // gets candidates; elsewhere only for matches that could still reach the threshold, since
  // confidence never exceeds quote similarity. Fewer allowed errors make the search faster.
  const length = quote.exact.length;
  const nearErrors = Math.min(MAX_ERRORS, Math.floor(length / 2));
  const farErrors = Math.min(nearErrors, Math.floor(length * (1 - settings.threshold)));
  const windows = searchWindows(prepared.diff, own, mapped, length, text.length);
  for (const [spans, maxErrors] of [
    [windows.near, nearErrors],
    [windows.inserted, farErrors],
  ] as const) {
    for (const match of approximateMatches(text, quote.exact, maxErrors, spans)) add(scorer.fuzzy(match.from, match.to, match.errors));
    ranked = rank(pool);
    if (isClearWinner(ranked, settings.threshold)) break;
  }
  // 5. Rewritten beyond any approximate match: a person still wants to see the words that took
  // the claim's place, so offer where the diff says the old words went. Its quote similarity is
  // under one half here (step 4 allows that many errors), so it can never be attached unasked.
  if (ranked.length === 0 && own !== null) {
    const rewritten = rewrittenPlace(scorer, text, quote.exact, mapped);
    if (rewritten !== null) ranked = [rewritten];
  }
  return resultOf(prepared, claim, ranked, settings);
}

// Beyond this many times the quote's length, the mapped region is a rewritten section, not a sentence.
const MAX_REWRITE_STRETCH = 3;

function rewrittenPlace(scorer: ReturnType<typeof createScorer>, text: string, quote: string, mapped: Span): Scored | null {
  const { from, to } = mapped;
  if (to <= from || to - from > quote.length * MAX_REWRITE_STRETCH || isBlank(text.slice(from, to))) return null;
  return scorer.fuzzy(from, to, editDistance(quote, text.slice(from, to)));
}

/**
 * Returns a function that re-anchors one claim from `oldBody` onto `newBody` (see reanchorClaims for the
 * result). Folding and diffing the bodies happen once, on the first claim that is not at its old place, and are
 * shared by later calls. `options.threshold` (default ATTACH_THRESHOLD, 0.75) is the confidence needed to attach;
 * `options.maxCandidates` (default 3) how many places to offer a person. Never throws.
 */
export function createReanchorer(
  oldBody: string,
  newBody: string,
  options: ReanchorOptions = {},
): (claim: ReanchorClaim) => ReanchorResult {
  const settings: Settings = {
    threshold: options.threshold ?? ATTACH_THRESHOLD,
    maxCandidates: options.maxCandidates ?? DEFAULT_MAX_CANDIDATES,
  };
  const bodyUnchanged = oldBody === newBody;
  let prepared: Prepared | null = null;
  return (claim) => {
    const unchanged = samePlace(newBody, claim, bodyUnchanged);
    if (unchanged !== null) return unchanged;
    prepared ??= prepare(oldBody, newBody);
    return reanchorChanged(prepared, claim, settings);
  };
}

/**
 * Re-anchors every claim stored against `oldBody` onto `newBody` (both normalised bodies), in the order given,
 * sharing the folding and diff (createReanchorer). Returns one ReanchorResult per claim, same order: attached
 * ones carry `start`/`end` (UTF-16 code units of `newBody`) and a 0..1 confidence, "needs-review" ones up to
 * `maxCandidates` candidates. Pure; never throws, even for claims whose stored offsets are out of range.
 */
export function reanchorClaims(
  oldBody: string,
  newBody: string,
  claims: readonly ReanchorClaim[],
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const reanchor = createReanchorer(oldBody, newBody, options);
  return claims.map((claim) => reanchor(claim));
}

/**
 * Re-anchors a single claim (see reanchorClaims for the result); for many claims on one edit, reanchorClaims
 * shares the folding and diffing. Pure; never throws.
 */
export function reanchorClaim(oldBody: string, newBody: string, claim: ReanchorClaim, options: ReanchorOptions = {}): ReanchorResult {
  return createReanchorer(oldBody, newBody, options)(claim);
}
