import { getArticle } from "@/lib/articles/get-article";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => {
  const article = await getArticle({ id: params.id, userId: user.id });
  if (!article) throw notFound("That article");
  return { article };
});
