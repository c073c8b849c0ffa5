"use server";

// Server actions for the Team page (admins; the domain functions check the role).
import { action } from "@/lib/http/action";
import { resetPassword, updateMember } from "@/lib/teams/members";
import { setTeamTimeZone } from "@/lib/teams/settings";
import { ZMemberRef, ZTeamSettings, ZUpdateMember } from "@/lib/validation/team";
import { updateTeamProfile } from "@/lib/teams/profile";
import { ZTeamProfile } from "@/lib/validation/team-profile";
import { inviteMember, resendInvitation, revokeInvitation } from "@/lib/onboarding/invitations";
import { archiveTeam, createTeam, renameTeam, unarchiveTeam, updateTeamOptions } from "@/lib/teams/manage-teams";
import { ZInvitationRef, ZInvite, ZTeamName } from "@/lib/validation/onboarding";
import { ZArchiveTeam, ZRenameTeam, ZTeamOptions, ZUnarchiveTeam } from "@/lib/validation/team-admin";

export const updateMemberAction = action(ZUpdateMember, { team: true }, (input, user) =>
  updateMember({ ...input, teamId: user.teamId, userId: user.id }),
);

export const resetPasswordAction = action(ZMemberRef, { team: true }, (input, user) =>
  resetPassword({ ...input, teamId: user.teamId, userId: user.id }),
);

export const updateTeamProfileAction = action(ZTeamProfile, { team: true }, (input, user) =>
  updateTeamProfile({ ...input, teamId: user.teamId, userId: user.id }),
);

export const setTeamTimeZoneAction = action(ZTeamSettings, { team: true }, (input, user) =>
  setTeamTimeZone({ ...input, teamId: user.teamId, userId: user.id }),
);

export const inviteMemberAction = action(ZInvite, { team: true }, (input, user) =>
  inviteMember({ ...input, teamId: user.teamId, userId: user.id }),
);

export const resendInvitationAction = action(ZInvitationRef, { team: true }, (input, user) =>
  resendInvitation({ ...input, teamId: user.teamId, userId: user.id }),
);

export const revokeInvitationAction = action(ZInvitationRef, { team: true }, (input, user) =>
  revokeInvitation({ ...input, teamId: user.teamId, userId: user.id }),
);

/** Any admin: a new team with them as its admin (they switch to it from the top bar). */
export const createTeamAction = action(ZTeamName, (input, user) => createTeam({ userId: user.id, name: input.name }));

export const renameTeamAction = action(ZRenameTeam, { team: true }, (input, user) =>
  renameTeam({ ...input, teamId: user.teamId, userId: user.id }),
);

export const archiveTeamAction = action(ZArchiveTeam, { team: true }, (input, user) =>
  archiveTeam({ ...input, teamId: user.teamId, userId: user.id }),
);

export const updateTeamOptionsAction = action(ZTeamOptions, { team: true }, (input, user) =>
  updateTeamOptions({ ...input, teamId: user.teamId, userId: user.id }),
);

/** An admin of an archived team brings it back (not the active team: archived teams cannot be switched to). */
export const unarchiveTeamAction = action(ZUnarchiveTeam, (input, user) => unarchiveTeam({ teamId: input.teamId, userId: user.id }));
