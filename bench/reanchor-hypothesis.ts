// A reference for bench/reanchor.ts: re-anchoring the way the Hypothesis client does it,
// written from a description of its approach (client `match-quote.ts` and the HTML anchoring
// order), not copied:
//  - use the TextPositionSelector if the text at those offsets still equals the quote;
//  - otherwise search the whole text for the quote (exact occurrences first, else Myers'
//    approximate search allowing errors up to half the quote, at most 256) and score every
//    match: 50 × quote similarity + 20 × prefix + 20 × suffix + 2 × nearness to the old start,
//    normalised by 92; prefix and suffix similarity come from an approximate search of the
//    stored context in the text of the same length just before / after the match;
//  - take the best match, however low its score. There is no threshold.
import search from "approx-string-match";
import type { ReanchorClaim } from "../lib/anchoring/reanchor";

type Match = { start: number; end: number; errors: number };
export type HypothesisResult = { id: string; start: number; end: number; score: number } | { id: string; start?: undefined };

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

function findMatches(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

function similarity(text: string, pattern: string): number {
  if (text.length === 0 || pattern.length === 0) return 0;
  const best = findMatches(text, pattern, pattern.length)[0];
  return best === undefined ? 0 : 1 - best.errors / pattern.length;
}

export function hypothesisMatchQuote(text: string, claim: ReanchorClaim): HypothesisResult {
  const { exact, prefix, suffix } = claim.quote;
  const hint = claim.position.start;
  if (exact.length === 0) return { id: claim.id };
  const matches = findMatches(text, exact, Math.min(256, exact.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(m.start - hint) / text.length;
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (best === null || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best === null ? { id: claim.id } : { id: claim.id, ...best };
}

/** Position first (if the quote still sits there), then the quote search above. */
export function hypothesisReanchor(newBody: string, claims: readonly ReanchorClaim[]): HypothesisResult[] {
  return claims.map((claim) => {
    const { start, end } = claim.position;
    if (newBody.slice(start, end) === claim.quote.exact) return { id: claim.id, start, end, score: 1 };
    return hypothesisMatchQuote(newBody, claim);
  });
}
