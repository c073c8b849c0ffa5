import { route } from "@/lib/http/route";
import { getTeamSettings, setTeamTimeZone } from "@/lib/teams/settings";
import { ZTeamSettings } from "@/lib/validation/team";

export const dynamic = "force-dynamic";

/** The active team and its settings (its time zone: due dates are days there). */
export const GET = route({ auth: "user", team: true }, async ({ user }) => ({
  team: await getTeamSettings({ teamId: user.teamId, userId: user.id }),
}));

/** Admins change the team's settings: `{ "timeZone": "Europe/London" }`. */
export const PATCH = route({ auth: "user", team: true, body: ZTeamSettings }, async ({ user, body }) => ({
  team: await setTeamTimeZone({ ...body, teamId: user.teamId, userId: user.id }),
}));
