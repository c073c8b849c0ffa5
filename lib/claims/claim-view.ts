import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { loadClaimDetail, type ClaimDetailDTO } from "@/lib/claims/get-claim";
import { toClaimSummary } from "@/lib/claims/claim-summary";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { notFound } from "@/lib/http/errors";
import { createClaimOnText, type CheckedText } from "@/lib/claims/create-claim";
import type { TCreateClaim, TSetNumeric, TSetStatus, TSetVerdict } from "@/lib/validation/claims";
import type { TSetClaimant } from "@/lib/validation/claimant";
import type { TResolveAnchor } from "@/lib/validation/versions";
import { setClaimClaimant, setClaimNumeric, setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { resolveAnchor } from "@/lib/claims/anchor";
import { acceptSuggestionOnText } from "@/lib/claims/suggested";

/**
 * What an action on the article page answers with, so the page updates from the answer alone (one round
 * trip, issue #21): the claim in full for its panel, its entry for the claim list and the highlights, and
 * whether `claim.checkedBefore` was looked up ("fresh"), left out ("unchanged": the page keeps its own) or left for
 * later ("later": a new claim; `claim.checkedBefore` is [] and the page reads it from GET /api/v1/claims/{id}/checked-before
 * once the panel shows, so the look-alike lookup is not in the add's round trip).
 */
export type ClaimView = { claim: ClaimDetailDTO; summary: ClaimSummary; checkedBefore: "fresh" | "unchanged" | "later" };

/**
 * The ClaimView of `claimId` as `userId` sees it, read after a change. `checkedBefore: true` also looks up
 * verdicts on look-alike claims; `"later"` skips it and says the page must read it (a new claim); otherwise
 * (false, the default: the change does not alter it) it is skipped and the page keeps its own. `articleText`: the
 * article's text as the caller just read it (loadClaimDetail's option), so it is not read again.
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getClaimView({
  userId,
  claimId,
  checkedBefore = false,
  articleText,
}: {
  userId: string;
  claimId: string;
  checkedBefore?: boolean | "later";
  articleText?: CheckedText;
}): Promise<ClaimView> {
  const { claim, timeZone } = await loadClaimDetail({ claimId, userId, checkedBefore: checkedBefore === true, articleText });
  const answer = checkedBefore === "later" ? "later" : checkedBefore ? "fresh" : "unchanged";
  return { claim, summary: toClaimSummary(claim, timeZone), checkedBefore: answer };
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

/**
 * Adds a claim (createClaim) and answers its ClaimView for the article page, with `checkedBefore: "later"` (the page
 * reads the look-alike verdicts once the panel shows). The article's text (~100 KB) is read once for both: the add's
 * check and the panel's claimant suggestion. @throws as createClaim, and as getClaimView.
 */
export async function createClaimView(input: TCreateClaim & { userId: string }): Promise<ClaimView> {
  const { claim, text } = await createClaimOnText({ ...input, answer: "id" });
  return getClaimView({ userId: input.userId, claimId: claim.id, checkedBefore: "later", articleText: text });
}

// The article page's claim writes (lib/actions/claims.ts), each answered with the ClaimView of the claim it changed: the
// write, asked to answer only the claim's id (ClaimAnswer "id": the claim as the API answers it, read back with its
// record, would be thrown away), then getClaimView's read. Input and errors: the write's (its docstring), then
// getClaimView's 404.

/** setClaimStatus, answered with the ClaimView. */
export async function setClaimStatusView(input: TSetStatus & { userId: string }): Promise<ClaimView> {
  return getClaimView({ userId: input.userId, claimId: (await setClaimStatus({ ...input, answer: "id" })).id });
}

/** setClaimVerdict, answered with the ClaimView. */
export async function setClaimVerdictView(input: TSetVerdict & { userId: string }): Promise<ClaimView> {
  return getClaimView({ userId: input.userId, claimId: (await setClaimVerdict({ ...input, answer: "id" })).id });
}

/** setClaimNumeric, answered with the ClaimView. */
export async function setClaimNumericView(input: TSetNumeric & { userId: string }): Promise<ClaimView> {
  return getClaimView({ userId: input.userId, claimId: (await setClaimNumeric({ ...input, answer: "id" })).id });
}

/** setClaimClaimant, answered with the ClaimView. */
export async function setClaimClaimantView(input: TSetClaimant & { userId: string }): Promise<ClaimView> {
  return getClaimView({ userId: input.userId, claimId: (await setClaimClaimant({ ...input, answer: "id" })).id });
}

/** resolveAnchor (placing a claim again, orphaning or restoring it), answered with the ClaimView. */
export async function resolveAnchorView(input: TResolveAnchor & { userId: string }): Promise<ClaimView> {
  return getClaimView({ userId: input.userId, claimId: (await resolveAnchor({ ...input, answer: "id" })).id });
}

/**
 * acceptSuggestion, answered with the new claim's ClaimView; `checkedBefore: "later"`, as for createClaimView (the page
 * reads the look-alike verdicts once the panel shows).
 */
export async function acceptSuggestionView(input: { userId: string; suggestionId: string }): Promise<ClaimView> {
  const { claim, text } = await acceptSuggestionOnText({ ...input, answer: "id" });
  return getClaimView({ userId: input.userId, claimId: claim.id, checkedBefore: "later", articleText: text });
}
