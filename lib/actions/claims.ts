"use server";

// Server actions for the claim panel and the article workspace: mutations only. Reads go
// through GET routes under /api/v1 (components/ui/read-api.ts) or server components.
// Each answers with the changed claim as the page shows it (ClaimView, lib/claims/claim-view.ts), so the page
// updates from that one answer instead of reading the list, the claim and the suggestions again (issue #21).
import { assignReviewers } from "@/lib/claims/assignments";
import { dismissSuggestion } from "@/lib/claims/suggested";
import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { addEvidence } from "@/lib/claims/evidence";
import { editEvidence, removeEvidence, restoreEvidence } from "@/lib/evidence/edit-evidence";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { ZSetClaimant } from "@/lib/validation/claimant";
import { action } from "@/lib/http/action";
import {
  ZAddComment,
  ZAddEvidence,
  ZEditEvidence,
  ZEvidenceRef,
  ZCommentRef,
  ZCreateClaim,
  ZEditComment,
  ZSetNumeric,
  ZSetStatus,
  ZSetVerdict,
} from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";
import { ZAssignReviewers, ZClaimDoubleReview, ZSubmitReview } from "@/lib/validation/team";
import { ZResolveAnchor } from "@/lib/validation/versions";
import { ZAddCorrection } from "@/lib/validation/corrections";
import {
  acceptSuggestionView,
  createClaimView,
  findClaimIdOf,
  getClaimView,
  resolveAnchorView,
  setClaimClaimantView,
  setClaimNumericView,
  setClaimStatusView,
  setClaimVerdictView,
} from "@/lib/claims/claim-view";
import { addCorrectionNote } from "@/lib/publish/corrections";

/** The claim `claimId` after a change to its comments, evidence, reviews or corrections, as `userId` sees it. */
const viewOf = (userId: string, claimId: string) => getClaimView({ userId, claimId });
const ofComment = async (userId: string, commentId: string) => viewOf(userId, await findClaimIdOf({ userId, commentId }));
const ofEvidence = async (userId: string, evidenceId: string) => viewOf(userId, await findClaimIdOf({ userId, evidenceId }));

// Creates take an Idempotency-Key per form submission (components/ui/useSubmissionKey.ts).
export const createClaimAction = action(ZCreateClaim, { idempotent: "claim.create" }, (input, user) =>
  createClaimView({ ...input, userId: user.id }),
);

export const setStatusAction = action(ZSetStatus, (input, user) => setClaimStatusView({ ...input, userId: user.id }));

export const setVerdictAction = action(ZSetVerdict, (input, user) => setClaimVerdictView({ ...input, userId: user.id }));

export const setNumericAction = action(ZSetNumeric, (input, user) => setClaimNumericView({ ...input, userId: user.id }));

export const setClaimantAction = action(ZSetClaimant, (input, user) => setClaimClaimantView({ ...input, userId: user.id }));

export const addCommentAction = action(ZAddComment, { idempotent: "comment.create" }, async (input, user) => {
  await addComment({ ...input, userId: user.id });
  return viewOf(user.id, input.claimId);
});

export const editCommentAction = action(ZEditComment, async (input, user) => {
  await editComment({ ...input, userId: user.id });
  return ofComment(user.id, input.commentId);
});

export const deleteCommentAction = action(ZCommentRef, async (input, user) => {
  await deleteComment({ ...input, userId: user.id });
  return ofComment(user.id, input.commentId);
});

export const restoreCommentAction = action(ZCommentRef, async (input, user) => {
  await restoreComment({ ...input, userId: user.id });
  return ofComment(user.id, input.commentId);
});

export const addEvidenceAction = action(ZAddEvidence, { idempotent: "evidence.create" }, async (input, user) => {
  await addEvidence({ ...input, userId: user.id });
  return viewOf(user.id, input.claimId);
});

/** Edits evidence: the person who added it, editors and admins. */
export const editEvidenceAction = action(ZEditEvidence, async (input, user) => {
  await editEvidence({ ...input, userId: user.id });
  return ofEvidence(user.id, input.evidenceId);
});

/** Removes evidence (restorable). */
export const removeEvidenceAction = action(ZEvidenceRef, async (input, user) => {
  await removeEvidence({ ...input, userId: user.id });
  return ofEvidence(user.id, input.evidenceId);
});

/** Undoes removeEvidenceAction. */
export const restoreEvidenceAction = action(ZEvidenceRef, async (input, user) => {
  await restoreEvidence({ ...input, userId: user.id });
  return ofEvidence(user.id, input.evidenceId);
});

export const assignReviewersAction = action(ZAssignReviewers, async (input, user) => {
  await assignReviewers({ ...input, userId: user.id });
  return viewOf(user.id, input.claimId);
});

export const submitReviewAction = action(ZSubmitReview, async (input, user) => {
  await submitReviewVerdict({ ...input, userId: user.id });
  return viewOf(user.id, input.claimId);
});

export const setClaimDoubleReviewAction = action(ZClaimDoubleReview, async ({ id, required, version }, user) => {
  await setClaimDoubleReview({ userId: user.id, claimId: id, required, version });
  return viewOf(user.id, id);
});

export const addCorrectionAction = action(ZAddCorrection, { idempotent: "correction.create" }, async (input, user) => {
  await addCorrectionNote({ ...input, userId: user.id });
  return viewOf(user.id, input.claimId);
});

export const resolveAnchorAction = action(ZResolveAnchor, (input, user) => resolveAnchorView({ ...input, userId: user.id }));

/** Makes a suggestion a claim; 409 when it already is one (the same answer as the API route's). */
export const acceptSuggestionAction = action(ZIdParams, ({ id }, user) => acceptSuggestionView({ suggestionId: id, userId: user.id }));

export const dismissSuggestionAction = action(ZIdParams, ({ id }, user) => dismissSuggestion({ suggestionId: id, userId: user.id }));
