import { route } from "@/lib/http/route";
import { tagArticle, untagArticle } from "@/lib/tags/tags";
import { ZIdParams } from "@/lib/validation/ids";
import { ZAddTag, ZTagRef } from "@/lib/validation/tags";

export const dynamic = "force-dynamic";

/** Tag the article: `{ "name": "Budget" }` (found ignoring case, created when new) or `{ "tagId": "…" }`. */
export const POST = route({ auth: "user", params: ZIdParams, body: ZAddTag }, async ({ user, params, body }) => ({
  tags: await tagArticle({ ...body, articleId: params.id, userId: user.id }),
}));

/** Take tag `?tag=<id>` off the article. */
export const DELETE = route({ auth: "user", params: ZIdParams, query: ZTagRef }, async ({ user, params, query }) => ({
  tags: await untagArticle({ articleId: params.id, tagId: query.tag, userId: user.id }),
}));
