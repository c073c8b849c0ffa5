/**
 * Whether a claim covers half or more of a suggestion (UTF-16 offsets of the body, end exclusive): such a
 * suggestion is not worth showing twice, so the suggestions list leaves it out (lib/claims/suggested.ts) and
 * the article page drops it when the reader makes that claim.
 */
export function isMostlyCovered(suggestion: { start: number; end: number }, claim: { start: number; end: number }): boolean {
  return Math.min(claim.end, suggestion.end) - Math.max(claim.start, suggestion.start) >= (suggestion.end - suggestion.start) / 2;
}
