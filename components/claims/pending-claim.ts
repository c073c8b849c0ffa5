import type { ClaimSummary } from "@/lib/claims/list-claims";
import { statusLabel } from "@/lib/claims/verdicts";

// Begins a drawn claim's id; stored claims' ids (cuid2) never do.
const PENDING = "pending:";

/**
 * The list entry of a claim the reader is adding, so the page can draw it at once (its highlight and ClaimPreview,
 * "Saving the claim…") while the server stores it (issue #21: adding a claim no longer waits on the server to show
 * it). Input: the submission's idempotency key (useSubmissionKey) and the range the selection rules kept
 * (selectionRange: UTF-16 offsets into the body, start < end). Output: a ClaimSummary as a new claim's is (unreviewed,
 * no verdict, nothing attached) with the id "pending:<key>", which no stored claim has (theirs are cuid2). Never sent
 * to the server and never put into the claim list: only drawn.
 */
export function pendingClaim(key: string, body: string, range: { start: number; end: number }): ClaimSummary {
  return {
    id: `${PENDING}${key}`,
    exact: body.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    status: "unreviewed",
    statusLabel: statusLabel("unreviewed"),
    counts: { comments: 0, evidence: 0 },
    verdict: null,
    anchorStatus: "attached",
    tags: [],
    assigneeIds: [],
    overdue: false,
  };
}

/** Whether `id` is a drawn claim's (pendingClaim), not a stored claim's: such an id never goes to the server. */
export const isPendingClaim = (id: string): boolean => id.startsWith(PENDING);
