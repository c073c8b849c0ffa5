import { json, route } from "@/lib/http/route";
import { addMember, listMembers } from "@/lib/teams/members";
import { ZAddMember } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

/** The signed-in user's active team. */
export const GET = route({ auth: "user", team: true }, async ({ user }) => ({
  members: await listMembers({ teamId: user.teamId, userId: user.id }),
}));

/** Adding is inviting (lib/teams/members.ts addMember): the answer carries the invitation's single-use link, shown once. */
export const POST = route({ auth: "user", team: true, body: ZAddMember }, async ({ user, body }) =>
  json(await addMember({ ...body, teamId: user.teamId, userId: user.id }), 201, { "Cache-Control": "no-store" }),
);
