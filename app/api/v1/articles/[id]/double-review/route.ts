import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { setArticleDoubleReview } from "@/lib/claims/double-review";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZDoubleReview } from "@/lib/validation/team";

export const PUT = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id, required } = parseInput(ZDoubleReview, await bodyWith(request, { id: (await params).id }));
  return NextResponse.json(await setArticleDoubleReview({ userId: user.id, articleId: id, required }));
});
