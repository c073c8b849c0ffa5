"use server";

// Server actions for whole articles: mutations only (reads: server components or GET routes).
import { saveArticleVersion } from "@/lib/articles/save-version";
import { setArticleDoubleReview } from "@/lib/claims/double-review";
import { action } from "@/lib/http/action";
import { ZDoubleReview } from "@/lib/validation/team";
import { ZSaveVersion } from "@/lib/validation/versions";
import { ZUpdateArticleDetails } from "@/lib/validation/articles";
import { updateArticleDetails } from "@/lib/articles/update-details";

export const saveVersionAction = action(ZSaveVersion, (input, user) => saveArticleVersion({ ...input, userId: user.id }));

export const setArticleDoubleReviewAction = action(ZDoubleReview, ({ id, required }, user) =>
  setArticleDoubleReview({ userId: user.id, articleId: id, required }),
);

export const updateArticleDetailsAction = action(ZUpdateArticleDetails, (input, user) => updateArticleDetails({ userId: user.id, input }));
