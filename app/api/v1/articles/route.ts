import { NextResponse } from "next/server";
import { requireApiUser, requireRole } from "@/lib/auth";
import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles } from "@/lib/articles/list-articles";
import { apiRoute, readJson } from "@/lib/http/respond";
import { ZImportArticle } from "@/lib/validation/articles";
import { parseInput } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = requireRole(await requireApiUser());
  const articles = await listArticles({ userId: user.id, teamId: user.teamId });
  return NextResponse.json({ team: { id: user.teamId, name: user.teamName }, articles });
});

/** Import an article into the active team (editors and admins); answers with the new article. */
export const POST = apiRoute(async (request) => {
  const user = requireRole(await requireApiUser());
  const input = parseInput(ZImportArticle, await readJson(request));
  const { id } = await createArticle({ userId: user.id, teamId: user.teamId, input });
  return NextResponse.json({ article: await getArticle({ id, userId: user.id }) }, { status: 201 });
});
