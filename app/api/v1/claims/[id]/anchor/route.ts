import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { resolveAnchor } from "@/lib/claims/anchor";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { parseInput } from "@/lib/validation/parse";
import { ZResolveAnchor } from "@/lib/validation/versions";

/** `{ "version": 4, "action": { "kind": "candidate", "index": 0 } | { "kind": "span", "start", "end", "exact" } | { "kind": "orphan" } | { "kind": "restore" } }` */
export const POST = apiRoute<IdContext>(async (request, { params }) => {
  const user = await requireApiUser();
  const { id } = await params;
  const input = parseInput(ZResolveAnchor, await bodyWith(request, { claimId: id }));
  return NextResponse.json({ claim: await resolveAnchor({ ...input, userId: user.id }) });
});
