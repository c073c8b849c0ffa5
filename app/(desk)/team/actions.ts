"use server";

import { requireRole } from "@/lib/auth";
import { runAction } from "@/lib/http/action";
import { addMember, resetPassword, updateMember } from "@/lib/teams/members";
import { parseInput } from "@/lib/validation/parse";
import { ZAddMember, ZMemberRef, ZUpdateMember } from "@/lib/validation/team";

export async function addMemberAction(input: unknown) {
  return runAction((session) => {
    const user = requireRole(session);
    return addMember({ ...parseInput(ZAddMember, input), teamId: user.teamId, userId: user.id });
  });
}

export async function updateMemberAction(input: unknown) {
  return runAction((session) => {
    const user = requireRole(session);
    return updateMember({ ...parseInput(ZUpdateMember, input), teamId: user.teamId, userId: user.id });
  });
}

export async function resetPasswordAction(input: unknown) {
  return runAction((session) => {
    const user = requireRole(session);
    return resetPassword({ ...parseInput(ZMemberRef, input), teamId: user.teamId, userId: user.id });
  });
}
