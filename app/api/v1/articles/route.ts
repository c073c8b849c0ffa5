import { NextResponse } from "next/server";
import { requireApiUser, requireRole } from "@/lib/auth";
import { listArticles } from "@/lib/articles/list-articles";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = requireRole(await requireApiUser());
  const articles = await listArticles({ userId: user.id, teamId: user.teamId });
  return NextResponse.json({ team: { id: user.teamId, name: user.teamName }, articles });
});
