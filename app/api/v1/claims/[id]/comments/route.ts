import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { addComment } from "@/lib/claims/comments";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZAddComment } from "@/lib/validation/claims";

export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZAddComment, await bodyWith(request, { claimId: id }));
  return NextResponse.json({ comment: await addComment({ ...input, userId: user.id }) }, { status: 201 });
});
