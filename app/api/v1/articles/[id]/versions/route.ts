import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { listVersions } from "@/lib/articles/versions";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZSaveVersion } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  return NextResponse.json({ versions: await listVersions({ articleId: id, userId: user.id }) });
});

/** 201 with the re-anchoring summary when a version was stored; 200 `saved: false` when nothing changed. */
export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZSaveVersion, await bodyWith(request, { articleId: id }));
  const result = await saveArticleVersion({ ...input, userId: user.id });
  return NextResponse.json({ result }, { status: result.saved ? 201 : 200 });
});
