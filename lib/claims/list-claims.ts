import type { CheckedClaimDTO, ClaimDTO } from "@/lib/claims/dto";
import type { TagDTO } from "@/lib/tags/tags";
import type { ClaimFilter } from "@/lib/claims/claim-filter";
import { listClaimPage, listClaimSummaryPage } from "@/lib/claims/claim-pages";

/**
 * Every claim of an article as ClaimDTOs (verdicts with who checked them: CheckedClaimDTO) in text order (start ascending, the outer of nested claims first,
 * then creation time, then id), including claims waiting for re-anchoring. One SQL statement (listClaimPage without
 * a limit).
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listClaims({ articleId, userId }: { articleId: string; userId: string }): Promise<CheckedClaimDTO[]> {
  return (await listClaimPage({ articleId, userId, limit: null })).claims;
}

/** What the article page needs to draw highlights and the claim list; details load on open. */
export type ClaimSummary = Pick<ClaimDTO, "id" | "exact" | "start" | "end" | "status" | "statusLabel" | "counts"> & {
  verdict: { key: NonNullable<ClaimDTO["verdict"]>["key"]; label: string; ordinal: number } | null;
  /** Only attached claims are highlighted; the others are listed in their own groups. */
  anchorStatus: ClaimDTO["anchor"]["status"];
  /** The claim's tags, by name. */
  tags: TagDTO[];
  /** User ids of the claim's assigned reviewers. */
  assigneeIds: string[];
  /** Open (not verified, not check-worthy) and an assignment's due day has ended in the team's time zone. */
  overdue: boolean;
};

/**
 * The compact list for the article page: per claim its id, quote, UTF-16 offsets, status, verdict key and
 * label, anchor status, counts of comments (not deleted) and evidence, tags, assignees and whether it is overdue,
 * in text order. With `filter`, only the claims it keeps (lib/claims/claim-filter.ts, the rules the page applies
 * too; "me" is `userId`). Every claim, in one SQL statement (listClaimSummaryPage without a limit): the article scope
 * is a join and the counts are the counters on the Claim row (kept by triggers), so its cost follows the article's
 * claims, not the size of the Comment and Evidence tables. For one page at a time, use listClaimSummaryPage.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listClaimSummaries({
  articleId,
  userId,
  filter,
}: {
  articleId: string;
  userId: string;
  filter?: ClaimFilter;
}): Promise<ClaimSummary[]> {
  return (await listClaimSummaryPage({ articleId, userId, filter, limit: null })).claims;
}
