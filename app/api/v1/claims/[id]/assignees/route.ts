import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { assignReviewers } from "@/lib/claims/assignments";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZAssignReviewers } from "@/lib/validation/team";

export const PUT = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const input = parseInput(ZAssignReviewers, await bodyWith(request, { claimId: (await params).id }));
  return NextResponse.json({ assignees: await assignReviewers({ ...input, userId: user.id }) });
});
