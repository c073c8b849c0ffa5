import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { acceptSuggestion } from "@/lib/claims/suggested";
import { AppError } from "@/lib/http/errors";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const POST = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const claim = await acceptSuggestion({ suggestionId: (await params).id, userId: user.id });
  if (!claim) throw new AppError("conflict", "This suggestion is already a claim.");
  return NextResponse.json({ claim }, { status: 201 });
});
