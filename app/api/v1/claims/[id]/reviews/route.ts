import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZSubmitReview } from "@/lib/validation/team";

export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const input = parseInput(ZSubmitReview, await bodyWith(request, { claimId: (await params).id }));
  return NextResponse.json({ doubleReview: await submitReviewVerdict({ ...input, userId: user.id }) }, { status: 201 });
});
