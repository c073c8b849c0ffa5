"use server";

// Server actions for the claim panel and the article workspace: mutations only. Reads go
// through GET routes under /api/v1 (components/ui/read-api.ts) or server components.
import { resolveAnchor } from "@/lib/claims/anchor";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { addEvidence } from "@/lib/claims/evidence";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { acceptSuggestion, dismissSuggestion } from "@/lib/claims/suggested";
import { setClaimNumeric, setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { action } from "@/lib/http/action";
import {
  ZAddComment,
  ZAddEvidence,
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

// Creates take an Idempotency-Key per form submission (components/ui/useSubmissionKey.ts).
export const createClaimAction = action(ZCreateClaim, { idempotent: "claim.create" }, (input, user) =>
  createClaim({ ...input, userId: user.id }),
);

export const setStatusAction = action(ZSetStatus, (input, user) => setClaimStatus({ ...input, userId: user.id }));

export const setVerdictAction = action(ZSetVerdict, (input, user) => setClaimVerdict({ ...input, userId: user.id }));

export const setNumericAction = action(ZSetNumeric, (input, user) => setClaimNumeric({ ...input, userId: user.id }));

export const addCommentAction = action(ZAddComment, { idempotent: "comment.create" }, (input, user) =>
  addComment({ ...input, userId: user.id }),
);

export const editCommentAction = action(ZEditComment, (input, user) => editComment({ ...input, userId: user.id }));

export const deleteCommentAction = action(ZCommentRef, (input, user) => deleteComment({ ...input, userId: user.id }));

export const restoreCommentAction = action(ZCommentRef, (input, user) => restoreComment({ ...input, userId: user.id }));

export const addEvidenceAction = action(ZAddEvidence, { idempotent: "evidence.create" }, (input, user) =>
  addEvidence({ ...input, userId: user.id }),
);

export const assignReviewersAction = action(ZAssignReviewers, (input, user) => assignReviewers({ ...input, userId: user.id }));

export const submitReviewAction = action(ZSubmitReview, (input, user) => submitReviewVerdict({ ...input, userId: user.id }));

export const setClaimDoubleReviewAction = action(ZClaimDoubleReview, ({ id, required, version }, user) =>
  setClaimDoubleReview({ userId: user.id, claimId: id, required, version }),
);

export const resolveAnchorAction = action(ZResolveAnchor, (input, user) => resolveAnchor({ ...input, userId: user.id }));

/** Makes a suggestion a claim; 409 when it already is one (the same answer as the API route's). */
export const acceptSuggestionAction = action(ZIdParams, ({ id }, user) => acceptSuggestion({ suggestionId: id, userId: user.id }));

export const dismissSuggestionAction = action(ZIdParams, ({ id }, user) => dismissSuggestion({ suggestionId: id, userId: user.id }));
