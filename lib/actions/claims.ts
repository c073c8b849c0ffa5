"use server";

// Server actions for the claim panel and the article workspace: mutations only. Reads go
// through GET routes under /api/v1 (components/ui/read-api.ts) or server components.
import { resolveAnchor } from "@/lib/claims/anchor";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { addEvidence } from "@/lib/claims/evidence";
import { editEvidence, removeEvidence, restoreEvidence } from "@/lib/evidence/edit-evidence";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggested";
import { setClaimClaimant, setClaimNumeric, setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
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
import { addCorrectionNote } from "@/lib/publish/corrections";

// Creates take an Idempotency-Key per form submission (components/ui/useSubmissionKey.ts).
export const createClaimAction = action(ZCreateClaim, { idempotent: "claim.create" }, (input, user) =>
  createClaim({ ...input, userId: user.id }),
);

export const setStatusAction = action(ZSetStatus, (input, user) => setClaimStatus({ ...input, userId: user.id }));

export const setVerdictAction = action(ZSetVerdict, (input, user) => setClaimVerdict({ ...input, userId: user.id }));

export const setNumericAction = action(ZSetNumeric, (input, user) => setClaimNumeric({ ...input, userId: user.id }));

export const setClaimantAction = action(ZSetClaimant, (input, user) => setClaimClaimant({ ...input, userId: user.id }));

export const addCommentAction = action(ZAddComment, { idempotent: "comment.create" }, (input, user) =>
  addComment({ ...input, userId: user.id }),
);

export const editCommentAction = action(ZEditComment, (input, user) => editComment({ ...input, userId: user.id }));

export const deleteCommentAction = action(ZCommentRef, (input, user) => deleteComment({ ...input, userId: user.id }));

export const restoreCommentAction = action(ZCommentRef, (input, user) => restoreComment({ ...input, userId: user.id }));

export const addEvidenceAction = action(ZAddEvidence, { idempotent: "evidence.create" }, (input, user) =>
  addEvidence({ ...input, userId: user.id }),
);

/** Edits evidence: the person who added it, editors and admins. */
export const editEvidenceAction = action(ZEditEvidence, (input, user) => editEvidence({ ...input, userId: user.id }));

/** Removes evidence (restorable). */
export const removeEvidenceAction = action(ZEvidenceRef, (input, user) => removeEvidence({ ...input, userId: user.id }));

/** Undoes removeEvidenceAction. */
export const restoreEvidenceAction = action(ZEvidenceRef, (input, user) => restoreEvidence({ ...input, userId: user.id }));

export const assignReviewersAction = action(ZAssignReviewers, (input, user) => assignReviewers({ ...input, userId: user.id }));

export const submitReviewAction = action(ZSubmitReview, (input, user) => submitReviewVerdict({ ...input, userId: user.id }));

export const setClaimDoubleReviewAction = action(ZClaimDoubleReview, ({ id, required, version }, user) =>
  setClaimDoubleReview({ userId: user.id, claimId: id, required, version }),
);

export const addCorrectionAction = action(ZAddCorrection, { idempotent: "correction.create" }, (input, user) =>
  addCorrectionNote({ ...input, userId: user.id }),
);

export const resolveAnchorAction = action(ZResolveAnchor, (input, user) => resolveAnchor({ ...input, userId: user.id }));

/** Makes a suggestion a claim; 409 when it already is one (the same answer as the API route's). */
export const acceptSuggestionAction = action(ZIdParams, ({ id }, user) => acceptSuggestion({ suggestionId: id, userId: user.id }));

export const dismissSuggestionAction = action(ZIdParams, ({ id }, user) => dismissSuggestion({ suggestionId: id, userId: user.id }));
