import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateClaim } from "@/lib/validation/claims";

export const dynamic = "force-dynamic";

export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  return NextResponse.json({ claims: await listClaims({ articleId: id, userId: user.id }) });
});

export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZCreateClaim, await bodyWith(request, { articleId: id }));
  return NextResponse.json({ claim: await createClaim({ ...input, userId: user.id }) }, { status: 201 });
});
