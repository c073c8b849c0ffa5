import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { setClaimNumeric } from "@/lib/claims/update-claim";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZSetNumeric } from "@/lib/validation/claims";

export const PUT = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const input = parseInput(ZSetNumeric, await bodyWith(request, { claimId: (await params).id }));
  return NextResponse.json({ claim: await setClaimNumeric({ ...input, userId: user.id }) });
});
