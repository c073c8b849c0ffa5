import { NextResponse } from "next/server";
import { requireApiUser, requireRole } from "@/lib/auth";
import { bodyWith, type IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { updateMember } from "@/lib/teams/members";
import { parseInput } from "@/lib/validation/parse";
import { ZUpdateMember } from "@/lib/validation/team";

export const PATCH = apiRoute<IdContext>(async (request, { params }) => {
  const user = requireRole(await requireApiUser());
  const input = parseInput(ZUpdateMember, await bodyWith(request, { memberId: (await params).id }));
  return NextResponse.json({ member: await updateMember({ ...input, teamId: user.teamId, userId: user.id }) });
});
