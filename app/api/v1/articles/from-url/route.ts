import { getArticle } from "@/lib/articles/get-article";
import { importArticleFromUrl } from "@/lib/articles/import-from-url";
import { json, route } from "@/lib/http/route";
import { ZImportArticleFromUrl } from "@/lib/validation/articles";

export const dynamic = "force-dynamic";

/** Import the article at a URL into the active team (editors and admins): the server fetches it. */
export const POST = route({ auth: "user", team: true, body: ZImportArticleFromUrl, idempotent: true }, async ({ user, body }) => {
  const { id } = await importArticleFromUrl({ userId: user.id, teamId: user.teamId, input: body });
  return json({ article: await getArticle({ id, userId: user.id }) }, 201);
});
