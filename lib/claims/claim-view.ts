import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { loadClaimDetail, type ClaimDetailDTO } from "@/lib/claims/get-claim";
import { toClaimSummary } from "@/lib/claims/claim-summary";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { notFound } from "@/lib/http/errors";

/**
 * What an action on the article page answers with, so the page updates from the answer alone (one round
 * trip, issue #21): the claim in full for its panel, its entry for the claim list and the highlights, and
 * whether `claim.checkedBefore` was looked up ("fresh") or left out ("unchanged": the page keeps its own).
 */
export type ClaimView = { claim: ClaimDetailDTO; summary: ClaimSummary; checkedBefore: "fresh" | "unchanged" };

/**
 * The ClaimView of `claimId` as `userId` sees it, read after a change. `checkedBefore: true` also looks up
 * verdicts on look-alike claims (a new claim); otherwise that lookup is skipped.
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getClaimView({
  userId,
  claimId,
  checkedBefore = false,
}: {
  userId: string;
  claimId: string;
  checkedBefore?: boolean;
}): Promise<ClaimView> {
  const { claim, timeZone } = await loadClaimDetail({ claimId, userId, checkedBefore });
  return { claim, summary: toClaimSummary(claim, timeZone), checkedBefore: checkedBefore ? "fresh" : "unchanged" };
}

/**
 * The claim a comment or a piece of evidence belongs to, for the ClaimView after changing it.
 * Input: exactly one of `commentId`, `evidenceId`, and the user. Output: the claim's id.
 * @throws AppError 404 `not_found` when it does not exist or is not in the user's teams.
 */
export async function findClaimIdOf({
  userId,
  commentId,
  evidenceId,
}: {
  userId: string;
  commentId?: string;
  evidenceId?: string;
}): Promise<string> {
  // Never an undefined id: Prisma would drop that filter and find any row in scope.
  const row = commentId
    ? await db.comment.findFirst({ where: { id: commentId, claim: claimScope(userId) }, select: { claimId: true } })
    : evidenceId
      ? await db.evidence.findFirst({ where: { id: evidenceId, claim: claimScope(userId) }, select: { claimId: true } })
      : null;
  if (!row) throw notFound(commentId ? "That comment" : "That evidence");
  return row.claimId;
}
