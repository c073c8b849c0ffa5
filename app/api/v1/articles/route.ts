import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { listArticlePage } from "@/lib/articles/article-page";
import { json, route } from "@/lib/http/route";
import { ZImportArticle } from "@/lib/validation/articles";
import { ZArticleList } from "@/lib/validation/article-list";

export const dynamic = "force-dynamic";

/** One page of the active team's articles, sorted and filtered (see ZArticleList); `nextCursor` continues it. */
export const GET = route({ auth: "user", team: true, query: ZArticleList }, async ({ user, query }) => {
  const page = await listArticlePage({ userId: user.id, teamId: user.teamId, view: query });
  return { team: { id: user.teamId, name: user.teamName }, ...page };
});

/** Import an article into the active team (editors and admins); answers with the new article. */
export const POST = route({ auth: "user", team: true, body: ZImportArticle, idempotent: true }, async ({ user, body }) => {
  const { id } = await createArticle({ userId: user.id, teamId: user.teamId, input: body });
  return json({ article: await getArticle({ id, userId: user.id }) }, 201);
});
