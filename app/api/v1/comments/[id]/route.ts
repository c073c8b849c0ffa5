import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { deleteComment, editComment } from "@/lib/claims/comments";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZCommentRef, ZEditComment } from "@/lib/validation/claims";

export const PATCH = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZEditComment, await bodyWith(request, { commentId: id }));
  return NextResponse.json({ comment: await editComment({ ...input, userId: user.id }) });
});

export const DELETE = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { commentId } = parseInput(ZCommentRef, { commentId: (await params).id });
  return NextResponse.json({ comment: await deleteComment({ commentId, userId: user.id }) });
});
