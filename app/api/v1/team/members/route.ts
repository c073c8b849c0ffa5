import { NextResponse } from "next/server";
import { requireApiUser, requireRole } from "@/lib/auth";
import { readJson, apiRoute } from "@/lib/http/respond";
import { addMember, listMembers } from "@/lib/teams/members";
import { parseInput } from "@/lib/validation/parse";
import { ZAddMember } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

/** The signed-in user's active team. */
export const GET = apiRoute(async () => {
  const user = requireRole(await requireApiUser());
  return NextResponse.json({ members: await listMembers({ teamId: user.teamId, userId: user.id }) });
});

export const POST = apiRoute(async (request) => {
  const user = requireRole(await requireApiUser());
  const input = parseInput(ZAddMember, await readJson(request));
  return NextResponse.json(await addMember({ ...input, teamId: user.teamId, userId: user.id }), { status: 201 });
});
