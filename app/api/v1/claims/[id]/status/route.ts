import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZSetStatus } from "@/lib/validation/claims";

export const PUT = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZSetStatus, await bodyWith(request, { claimId: id }));
  return NextResponse.json({ claim: await setClaimStatus({ ...input, userId: user.id }) });
});
