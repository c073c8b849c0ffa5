import { route } from "@/lib/http/route";
import { updateMember } from "@/lib/teams/members";
import { ZIdParams } from "@/lib/validation/ids";
import { ZMemberChange } from "@/lib/validation/team";

export const PATCH = route({ auth: "user", team: true, params: ZIdParams, body: ZMemberChange }, async ({ user, params, body }) => ({
  member: await updateMember({ ...body, memberId: params.id, teamId: user.teamId, userId: user.id }),
}));
