import { json, route } from "@/lib/http/route";
import { resetPassword } from "@/lib/teams/members";
import { ZIdParams } from "@/lib/validation/ids";

/** The answer carries the new password, shown once. */
export const POST = route({ auth: "user", team: true, params: ZIdParams }, async ({ user, params }) =>
  json(await resetPassword({ memberId: params.id, teamId: user.teamId, userId: user.id }), 200, { "Cache-Control": "no-store" }),
);
