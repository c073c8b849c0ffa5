import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { dismissSuggestion } from "@/lib/claims/suggested";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const POST = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  return NextResponse.json(await dismissSuggestion({ suggestionId: (await params).id, userId: user.id }));
});
