import { listSuggestionPage } from "@/lib/claims/suggested";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZSuggestionListQuery } from "@/lib/validation/suggestion-list";

export const dynamic = "force-dynamic";

/** One page of the article's open suggestions (checked-before ones first, then text order), `limit` from `cursor`. */
export const GET = route({ auth: "user", params: ZIdParams, query: ZSuggestionListQuery }, async ({ user, params, query }) =>
  listSuggestionPage({ articleId: params.id, userId: user.id, cursor: query.cursor, limit: query.limit }),
);
