"use server";

// Server actions for whole articles: mutations only (reads: server components or GET routes).
import { saveArticleVersion } from "@/lib/articles/save-version";
import { setArticleDoubleReview } from "@/lib/claims/double-review";
import { action } from "@/lib/http/action";
import { ZDoubleReview } from "@/lib/validation/team";
import { ZSaveVersion } from "@/lib/validation/versions";

export const saveVersionAction = action(ZSaveVersion, (input, user) => saveArticleVersion({ ...input, userId: user.id }));

export const setArticleDoubleReviewAction = action(ZDoubleReview, ({ id, required }, user) =>
  setArticleDoubleReview({ userId: user.id, articleId: id, required }),
);
