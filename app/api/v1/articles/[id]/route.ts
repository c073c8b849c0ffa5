import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { notFound } from "@/lib/http/errors";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const article = await getArticle({ id: (await params).id, userId: user.id });
  if (!article) throw notFound("That article");
  return NextResponse.json({ article });
});
