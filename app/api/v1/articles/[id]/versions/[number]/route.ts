import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { getVersion } from "@/lib/articles/versions";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZVersionRef } from "@/lib/validation/versions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; number: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const { id, number } = await params;
  const ref = parseInput(ZVersionRef, { articleId: id, number });
  return NextResponse.json({ version: await getVersion({ ...ref, userId: user.id }) });
});
