import { route } from "@/lib/http/route";
import { getTeamProfile, updateTeamProfile } from "@/lib/teams/profile";
import { ZTeamProfile } from "@/lib/validation/team-profile";

export const dynamic = "force-dynamic";

/** How the active team signs its fact-checks (ClaimReview `author`). */
export const GET = route({ auth: "user", team: true }, async ({ user }) => ({
  profile: await getTeamProfile({ teamId: user.teamId, userId: user.id }),
}));

/** Admins: `{ "publicName"?, "publicUrl"?, "logoUrl"? }` (empty clears). */
export const PUT = route({ auth: "user", team: true, body: ZTeamProfile }, async ({ user, body }) => ({
  profile: await updateTeamProfile({ ...body, teamId: user.teamId, userId: user.id }),
}));
