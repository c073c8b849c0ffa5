import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { listApiTokens } from "@/lib/api-tokens/list-tokens";
import { apiRoute, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZCreateApiToken } from "@/lib/validation/api-tokens";

export const dynamic = "force-dynamic";

// Session only: a token cannot list or mint tokens.
export const GET = apiRoute(async () => {
  const user = await requireApiUser({ allowTokens: false });
  return NextResponse.json({ tokens: await listApiTokens({ userId: user.id }) });
});

/** The answer carries the secret; it is never shown again. */
export const POST = apiRoute(async (request) => {
  const user = await requireApiUser({ allowTokens: false });
  const input = parseInput(ZCreateApiToken, await readJson(request));
  const created = await createApiToken({ userId: user.id, teamId: user.teamId, input });
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
