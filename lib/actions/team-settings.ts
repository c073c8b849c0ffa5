"use server";

import { action } from "@/lib/http/action";
import { setTeamTwoFactor } from "@/lib/teams/two-factor-policy";
import { ZTeamTwoFactor } from "@/lib/validation/team";

/** Admins: { required } → the team's two-factor rule and who it still waits for. */
export const setTeamTwoFactorAction = action(ZTeamTwoFactor, { team: ["admin"] }, async ({ required }, user) =>
  setTeamTwoFactor({ teamId: user.teamId, userId: user.id, required }),
);
