import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { isOverdue } from "@/lib/dates/calendar-date";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import type { ClaimSummary } from "@/lib/claims/list-claims";

/**
 * Whether a claim is overdue: still open (not verified, not check-worthy) and one of its assignments' due days
 * (calendar dates, "2026-12-10") has ended in the team's IANA time zone `timeZone`. The rule of the claim list
 * (listClaimSummaries) and of the summaries the article page's actions answer with.
 */
export function claimIsOverdue(status: ClaimStatus, dueDays: (string | null)[], timeZone: string, now: Date = new Date()): boolean {
  return status !== "verified" && status !== "not_check_worthy" && dueDays.some((due) => due !== null && isOverdue(due, timeZone, now));
}

/**
 * The claim list's entry (ClaimSummary, as listClaimSummaries makes it) for a claim the page has in full:
 * what an action on the article page answers with, so the list and the highlights update without reading
 * the list again. `timeZone`: the team's IANA time zone, for `overdue`.
 */
export function toClaimSummary(claim: ClaimDetailDTO, timeZone: string): ClaimSummary {
  return {
    id: claim.id,
    exact: claim.exact,
    start: claim.start,
    end: claim.end,
    status: claim.status,
    statusLabel: claim.statusLabel,
    verdict: claim.verdict && { key: claim.verdict.key, label: claim.verdict.label, ordinal: claim.verdict.ordinal },
    counts: claim.counts,
    anchorStatus: claim.anchor.status,
    tags: claim.tags,
    assigneeIds: claim.assignees.map((a) => a.id),
    overdue: claimIsOverdue(
      claim.status,
      claim.assignees.map((a) => a.dueAt),
      timeZone,
    ),
  };
}
