import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { addEvidence } from "@/lib/claims/evidence";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZAddEvidence } from "@/lib/validation/claims";

export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZAddEvidence, await bodyWith(request, { claimId: id }));
  return NextResponse.json({ evidence: await addEvidence({ ...input, userId: user.id }) }, { status: 201 });
});
