// Pure updates of the article page's lists from an action's answer (components/claims/ArticleWorkspace.tsx).
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { isMostlyCovered } from "@/lib/claims/suggestion-cover";

const inTextOrder = (a: ClaimSummary, b: ClaimSummary) => a.start - b.start || b.end - a.end;

/**
 * `claims` (in text order: start ascending, the outer of nested claims first) with `summary` in place of the
 * entry of the same id, or added where it belongs in text order; a new array, the other entries unchanged.
 */
export function withClaim(claims: ClaimSummary[], summary: ClaimSummary): ClaimSummary[] {
  const index = claims.findIndex((c) => c.id === summary.id);
  const before = index === -1 ? undefined : claims[index]!;
  if (before && before.start === summary.start && before.end === summary.end) return claims.map((c, i) => (i === index ? summary : c));
  const rest = index === -1 ? claims : claims.filter((c) => c.id !== summary.id);
  // Binary search for the first entry that sorts after the claim (equal positions: after the existing ones).
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (inTextOrder(rest[mid]!, summary) <= 0) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), summary, ...rest.slice(low)];
}

/** `suggestions` without those a newly attached claim mostly covers (the server's rule, lib/claims/suggestion-cover.ts). */
export function withoutCovered<S extends { start: number; end: number }>(suggestions: S[], claim: ClaimSummary): S[] {
  if (claim.anchorStatus !== "attached") return suggestions;
  const kept = suggestions.filter((s) => !isMostlyCovered(s, claim));
  return kept.length === suggestions.length ? suggestions : kept;
}
