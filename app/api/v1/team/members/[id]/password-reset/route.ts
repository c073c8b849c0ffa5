import { NextResponse } from "next/server";
import { requireApiUser, requireRole } from "@/lib/auth";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { resetPassword } from "@/lib/teams/members";
import { parseInput } from "@/lib/validation/parse";
import { ZMemberRef } from "@/lib/validation/team";

export const POST = apiRoute<IdContext>(async (_request, { params }) => {
  const user = requireRole(await requireApiUser());
  const { memberId } = parseInput(ZMemberRef, { memberId: (await params).id });
  return NextResponse.json(await resetPassword({ memberId, teamId: user.teamId, userId: user.id }));
});
