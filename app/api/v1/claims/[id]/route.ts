import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { getClaim } from "@/lib/claims/get-claim";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  return NextResponse.json({ claim: await getClaim({ claimId: id, userId: user.id }) });
});
