// The claim list's filters, one rules module for the article page (client) and the claims API (server):
// how a filter reads from and writes to a URL query, and which claims it keeps. Pure: no Prisma, no React.
// The keys are the articles list's (lib/validation/article-list.ts) where they mean the same thing:
// status (comma list), assignee (a member id or "me"), tag (a tag name, any case), disputed, overdue,
// reanchor; plus verdict (a rating key of the team's scale, or "none").
import { STATUS_KEYS, type StatusKey } from "@/lib/claims/verdicts";
import { RATING_KEY, ratingOf, type RatingEntry } from "@/lib/teams/rating-scale";
import { tagKey } from "@/lib/tags/tag-rules";

export type ClaimFilter = {
  /** Claims in any of these statuses (none: any status). */
  status: StatusKey[];
  /** A rating key of the team's scale (lib/teams/rating-scale.ts), "none" (no verdict yet), or null (any). */
  verdict: string | null;
  /** A member's user id, "me", or null (anyone or no one). */
  assignee: string | null;
  /** A tag name (compared by tagKey, so any case), or null. */
  tag: string | null;
  disputed: boolean;
  overdue: boolean;
  /** Claims whose place in the text a person must confirm (needs re-anchoring or orphaned). */
  reanchor: boolean;
};

/** No filter: every claim. */
export const NO_CLAIM_FILTER: ClaimFilter = {
  status: [],
  verdict: null,
  assignee: null,
  tag: null,
  disputed: false,
  overdue: false,
  reanchor: false,
};

/** The query keys a claim filter uses (other keys of the page's URL, such as `claim`, are left alone). */
export const CLAIM_FILTER_KEYS = ["status", "verdict", "assignee", "tag", "disputed", "overdue", "reanchor"] as const;

/** What the filter reads of a claim. */
export type FilterableClaim = {
  status: StatusKey;
  verdict: { key: string | null; label: string; ordinal: number } | null;
  anchorStatus: "attached" | "needs_review" | "orphaned";
  assigneeIds: readonly string[];
  tags: readonly { name: string }[];
  overdue: boolean;
};

type Query = { get(key: string): string | null };

/**
 * The filter a URL query holds, leniently: unknown statuses, verdicts and flag values are ignored (a shared link
 * with an old value still opens). The claims API validates strictly first (lib/validation/claim-list.ts).
 * Input: URLSearchParams or anything with get(); output: a ClaimFilter.
 */
export function readClaimFilter(query: Query): ClaimFilter {
  const status = (query.get("status") ?? "").split(",").filter((s): s is StatusKey => (STATUS_KEYS as readonly string[]).includes(s));
  const verdict = query.get("verdict");
  const assignee = query.get("assignee")?.trim() || null;
  const tag = query.get("tag")?.trim() || null;
  return {
    status: [...new Set(status)],
    verdict: verdict === "none" || RATING_KEY.test(verdict ?? "") ? verdict : null,
    assignee: assignee && assignee.length <= 64 ? assignee : null,
    tag: tag && tag.length <= 80 ? tag : null,
    disputed: query.get("disputed") === "1",
    overdue: query.get("overdue") === "1",
    reanchor: query.get("reanchor") === "1",
  };
}

/**
 * `base` (a URL query) with the filter's keys replaced by `filter`'s non-empty values; other keys are kept.
 * Output: the query string without "?" ("" when nothing is left).
 */
export function writeClaimFilter(filter: ClaimFilter, base = ""): string {
  const params = new URLSearchParams(base);
  for (const key of CLAIM_FILTER_KEYS) params.delete(key);
  if (filter.status.length) params.set("status", filter.status.join(","));
  if (filter.verdict) params.set("verdict", filter.verdict);
  if (filter.assignee) params.set("assignee", filter.assignee);
  if (filter.tag) params.set("tag", filter.tag);
  if (filter.disputed) params.set("disputed", "1");
  if (filter.overdue) params.set("overdue", "1");
  if (filter.reanchor) params.set("reanchor", "1");
  return params.toString();
}

/** How many of the filter's conditions are set (for "3 filters on"). */
export function activeClaimFilters(filter: ClaimFilter): number {
  return (
    (filter.status.length ? 1 : 0) +
    [filter.verdict, filter.assignee, filter.tag].filter(Boolean).length +
    [filter.disputed, filter.overdue, filter.reanchor].filter(Boolean).length
  );
}

/** The key of the rating a claim's verdict has in `scale` (ratingOf: its stored key, else same label, else same value); without a scale, its stored key. */
function ratingKeyOf(verdict: NonNullable<FilterableClaim["verdict"]>, scale?: readonly RatingEntry[]): string | null {
  return scale ? (ratingOf(scale, verdict)?.key ?? null) : verdict.key;
}

/**
 * Whether `claim` passes every condition of `filter` (conditions combine: all must hold). `meId` is who "me" is;
 * `scale` is the team's rating scale, which decides what rating a stored verdict has (default: its stored key).
 * Pure; throws nothing.
 */
export function matchesClaimFilter(claim: FilterableClaim, filter: ClaimFilter, meId: string, scale?: readonly RatingEntry[]): boolean {
  if (filter.status.length && !filter.status.includes(claim.status)) return false;
  if (
    filter.verdict === "none"
      ? claim.verdict !== null
      : filter.verdict !== null && (!claim.verdict || ratingKeyOf(claim.verdict, scale) !== filter.verdict)
  )
    return false;
  if (filter.assignee && !claim.assigneeIds.includes(filter.assignee === "me" ? meId : filter.assignee)) return false;
  if (filter.tag) {
    const key = tagKey(filter.tag);
    if (!claim.tags.some((t) => tagKey(t.name) === key)) return false;
  }
  if (filter.disputed && claim.status !== "disputed") return false;
  if (filter.overdue && !claim.overdue) return false;
  if (filter.reanchor && claim.anchorStatus === "attached") return false;
  return true;
}

/** The claims that pass `filter` (see matchesClaimFilter), in their order. */
export function filterClaims<T extends FilterableClaim>(
  claims: readonly T[],
  filter: ClaimFilter,
  meId: string,
  scale?: readonly RatingEntry[],
): T[] {
  return claims.filter((claim) => matchesClaimFilter(claim, filter, meId, scale));
}
