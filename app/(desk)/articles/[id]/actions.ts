"use server";

import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { addEvidence } from "@/lib/claims/evidence";
import { getClaim } from "@/lib/claims/get-claim";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { setClaimNumeric, setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { acceptSuggestion, dismissSuggestion, getSuggestionInfo, listSuggestions } from "@/lib/claims/suggested";
import { runAction } from "@/lib/http/action";
import { parseInput } from "@/lib/validation/parse";
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
import { z } from "zod";
import { assignReviewers } from "@/lib/claims/assignments";
import { setArticleDoubleReview, setClaimDoubleReview } from "@/lib/claims/double-review";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { ZAssignReviewers, ZDoubleReview, ZSubmitReview } from "@/lib/validation/team";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { diffVersions, getVersion } from "@/lib/articles/versions";
import { getAnchorReview, resolveAnchor } from "@/lib/claims/anchor";
import { ZDiffVersions, ZResolveAnchor, ZSaveVersion, ZVersionRef } from "@/lib/validation/versions";

const ZId = z.string().trim().min(1).max(64);

export async function listClaimsAction(articleId: unknown) {
  return runAction((user) => listClaimSummaries({ articleId: parseInput(ZId, articleId), userId: user.id }));
}

export async function getClaimAction(claimId: unknown) {
  return runAction((user) => getClaim({ claimId: parseInput(ZId, claimId), userId: user.id }));
}

export async function createClaimAction(input: unknown) {
  return runAction((user) => createClaim({ ...parseInput(ZCreateClaim, input), userId: user.id }));
}

export async function setStatusAction(input: unknown) {
  return runAction((user) => setClaimStatus({ ...parseInput(ZSetStatus, input), userId: user.id }));
}

export async function setVerdictAction(input: unknown) {
  return runAction((user) => setClaimVerdict({ ...parseInput(ZSetVerdict, input), userId: user.id }));
}

export async function addCommentAction(input: unknown) {
  return runAction((user) => addComment({ ...parseInput(ZAddComment, input), userId: user.id }));
}

export async function editCommentAction(input: unknown) {
  return runAction((user) => editComment({ ...parseInput(ZEditComment, input), userId: user.id }));
}

export async function deleteCommentAction(input: unknown) {
  return runAction((user) => deleteComment({ ...parseInput(ZCommentRef, input), userId: user.id }));
}

export async function restoreCommentAction(input: unknown) {
  return runAction((user) => restoreComment({ ...parseInput(ZCommentRef, input), userId: user.id }));
}

export async function addEvidenceAction(input: unknown) {
  return runAction((user) => addEvidence({ ...parseInput(ZAddEvidence, input), userId: user.id }));
}

export async function assignReviewersAction(input: unknown) {
  return runAction((user) => assignReviewers({ ...parseInput(ZAssignReviewers, input), userId: user.id }));
}

export async function submitReviewAction(input: unknown) {
  return runAction((user) => submitReviewVerdict({ ...parseInput(ZSubmitReview, input), userId: user.id }));
}

export async function setClaimDoubleReviewAction(input: unknown) {
  return runAction((user) => {
    const { id, required } = parseInput(ZDoubleReview, input);
    return setClaimDoubleReview({ userId: user.id, claimId: id, required });
  });
}

export async function setArticleDoubleReviewAction(input: unknown) {
  return runAction((user) => {
    const { id, required } = parseInput(ZDoubleReview, input);
    return setArticleDoubleReview({ userId: user.id, articleId: id, required });
  });
}

export async function acceptSuggestionAction(suggestionId: unknown) {
  return runAction((user) => acceptSuggestion({ userId: user.id, suggestionId: parseInput(ZId, suggestionId) }));
}

export async function dismissSuggestionAction(suggestionId: unknown) {
  return runAction((user) => dismissSuggestion({ userId: user.id, suggestionId: parseInput(ZId, suggestionId) }));
}

export async function suggestionInfoAction(suggestionId: unknown) {
  return runAction((user) => getSuggestionInfo({ userId: user.id, suggestionId: parseInput(ZId, suggestionId) }));
}

export async function listSuggestionsAction(articleId: unknown) {
  return runAction((user) => listSuggestions({ userId: user.id, articleId: parseInput(ZId, articleId) }));
}

export async function setNumericAction(input: unknown) {
  return runAction((user) => setClaimNumeric({ ...parseInput(ZSetNumeric, input), userId: user.id }));
}

export async function saveVersionAction(input: unknown) {
  return runAction((user) => saveArticleVersion({ ...parseInput(ZSaveVersion, input), userId: user.id }));
}

export async function resolveAnchorAction(input: unknown) {
  return runAction((user) => resolveAnchor({ ...parseInput(ZResolveAnchor, input), userId: user.id }));
}

export async function anchorReviewAction(claimId: unknown) {
  return runAction((user) => getAnchorReview({ claimId: parseInput(ZId, claimId), userId: user.id }));
}

export async function versionAction(input: unknown) {
  return runAction((user) => getVersion({ ...parseInput(ZVersionRef, input), userId: user.id }));
}

export async function diffVersionsAction(input: unknown) {
  return runAction((user) => diffVersions({ ...parseInput(ZDiffVersions, input), userId: user.id }));
}
