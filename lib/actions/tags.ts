"use server";

// Server actions for tags: tagging articles and claims (reviewers, editors, admins; the tag is created when the
// name is new) and managing the team's vocabulary (editors, admins). Reads go through GET /api/v1/team/tags.
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { action } from "@/lib/http/action";
import { getClaimView } from "@/lib/claims/claim-view";
import { deleteTag, mergeTags, tagArticle, tagClaim, untagArticle, untagClaim, updateTag } from "@/lib/tags/tags";
import { ZDeleteTag, ZMergeTag, ZTagArticle, ZTagClaim, ZUntagArticle, ZUntagClaim, ZUpdateTag } from "@/lib/validation/tags";

// Tagging a claim answers with the claim as the article page shows it (lib/claims/claim-view.ts), like the claim panel's other actions.
export const tagClaimAction = action(ZTagClaim, async (input, user) => {
  await tagClaim({ ...input, userId: user.id });
  return getClaimView({ userId: user.id, claimId: input.claimId });
});

export const untagClaimAction = action(ZUntagClaim, async (input, user) => {
  await untagClaim({ ...input, userId: user.id });
  return getClaimView({ userId: user.id, claimId: input.claimId });
});

export const tagArticleAction = action(ZTagArticle, (input, user) => tagArticle({ ...input, userId: user.id }));

export const untagArticleAction = action(ZUntagArticle, (input, user) => untagArticle({ ...input, userId: user.id }));

export const updateTagAction = action(ZUpdateTag, { team: SIGN_OFF_ROLES }, (input, user) => updateTag({ ...input, userId: user.id }));

export const mergeTagsAction = action(ZMergeTag, { team: SIGN_OFF_ROLES }, (input, user) => mergeTags({ ...input, userId: user.id }));

export const deleteTagAction = action(ZDeleteTag, { team: SIGN_OFF_ROLES }, (input, user) => deleteTag({ ...input, userId: user.id }));
