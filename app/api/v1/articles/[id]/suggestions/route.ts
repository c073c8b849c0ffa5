import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { listSuggestions } from "@/lib/claims/suggested";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  return NextResponse.json({ suggestions: await listSuggestions({ articleId: (await params).id, userId: user.id }) });
});
