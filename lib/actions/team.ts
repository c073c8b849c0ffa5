"use server";

// Server actions for the Team page (admins; the domain functions check the role).
import { action } from "@/lib/http/action";
import { addMember, resetPassword, updateMember } from "@/lib/teams/members";
import { setTeamTimeZone } from "@/lib/teams/settings";
import { ZAddMember, ZMemberRef, ZTeamSettings, ZUpdateMember } from "@/lib/validation/team";

export const addMemberAction = action(ZAddMember, { team: true }, (input, user) =>
  addMember({ ...input, teamId: user.teamId, userId: user.id }),
);

export const updateMemberAction = action(ZUpdateMember, { team: true }, (input, user) =>
  updateMember({ ...input, teamId: user.teamId, userId: user.id }),
);

export const resetPasswordAction = action(ZMemberRef, { team: true }, (input, user) =>
  resetPassword({ ...input, teamId: user.teamId, userId: user.id }),
);

export const setTeamTimeZoneAction = action(ZTeamSettings, { team: true }, (input, user) =>
  setTeamTimeZone({ ...input, teamId: user.teamId, userId: user.id }),
);
