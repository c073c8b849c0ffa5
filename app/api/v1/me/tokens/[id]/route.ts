import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZApiTokenRef } from "@/lib/validation/api-tokens";

/** Revokes one of your own tokens (session only). Revoking twice is fine. */
export const DELETE = apiRoute<IdContext>(async (_request, { params }) => {
  const user = await requireApiUser({ allowTokens: false });
  const { tokenId } = parseInput(ZApiTokenRef, { tokenId: (await params).id });
  return NextResponse.json({ token: await revokeApiToken({ userId: user.id, teamId: user.teamId, tokenId }) });
});
