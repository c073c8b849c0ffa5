import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { diffVersions } from "@/lib/articles/versions";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZDiffVersions } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

/** `?from=1&to=2`: word-level changes from one version's text to another's. */
export const GET = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const input = parseInput(ZDiffVersions, { articleId: id, from: query.get("from") ?? undefined, to: query.get("to") ?? undefined });
  return NextResponse.json({ diff: await diffVersions({ ...input, userId: user.id }) });
});
