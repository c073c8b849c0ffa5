import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles } from "@/lib/articles/list-articles";
import { json, route } from "@/lib/http/route";
import { ZImportArticle } from "@/lib/validation/articles";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", team: true }, async ({ user }) => {
  const articles = await listArticles({ userId: user.id, teamId: user.teamId });
  return { team: { id: user.teamId, name: user.teamName }, articles };
});

/** Import an article into the active team (editors and admins); answers with the new article. */
export const POST = route({ auth: "user", team: true, body: ZImportArticle, idempotent: true }, async ({ user, body }) => {
  const { id } = await createArticle({ userId: user.id, teamId: user.teamId, input: body });
  return json({ article: await getArticle({ id, userId: user.id }) }, 201);
});
