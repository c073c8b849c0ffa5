import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { restoreComment } from "@/lib/claims/comments";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZCommentRef } from "@/lib/validation/claims";

export const POST = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { commentId } = parseInput(ZCommentRef, { commentId: (await params).id });
  return NextResponse.json({ comment: await restoreComment({ commentId, userId: user.id }) });
});
