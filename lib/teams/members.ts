import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import { teamMembersScope } from "@/lib/access/scope";
import { AppError, notFound } from "@/lib/http/errors";
import { hashPassword } from "@/lib/users/passwords";
import type { TAddMember, TUpdateMember } from "@/lib/validation/team";

export type MemberDTO = { id: string; userId: string; email: string; name: string; role: Role; disabled: boolean; since: string };

/** The team's admin check: 404 for outsiders, 403 for members who are not admins. */
async function requireTeamAdmin(teamId: string, userId: string) {
  await requireTeamRole({ teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: "Only a team admin can manage members." });
}

const memberSelect = { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true, disabled: true } } } as const;
type MemberRow = { id: string; role: Role; createdAt: Date; user: { id: string; email: string; name: string; disabled: boolean } };
const toMemberDTO = (m: MemberRow): MemberDTO => ({ id: m.id, userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, disabled: m.user.disabled, since: m.createdAt.toISOString() });

/** Everyone in the team, for any member to see (assignment needs it); no password data. */
export async function listMembers({ teamId, userId }: { teamId: string; userId: string }): Promise<MemberDTO[]> {
  const rows = await db.membership.findMany({
    where: teamMembersScope(teamId, userId),
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: memberSelect,
  });
  if (rows.length === 0) throw notFound("That team");
  return rows.map(toMemberDTO);
}

const newPassword = () => randomBytes(12).toString("base64url");

/**
 * Adds someone to the team. A new address gets an account with a generated password,
 * returned once for the admin to pass on; an existing account simply joins the team.
 */
export async function addMember({ teamId, userId, email, name, role }: TAddMember & { teamId: string; userId: string }) {
  await requireTeamAdmin(teamId, userId);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing && (await tx.membership.findUnique({ where: { userId_teamId: { userId: existing.id, teamId } } }))) {
      throw new AppError("conflict", `${email} is already a member of this team.`);
    }
    const user = existing ?? (await tx.user.create({ data: { email, name, passwordHash }, select: { id: true } }));
    const member = await tx.membership.create({ data: { teamId, userId: user.id, role }, select: memberSelect });
    await recordAudit(tx, { actorId: userId, teamId, entity: "membership", entityId: member.id, action: "member.added", after: { email, role, newAccount: !existing } });
    return { member: toMemberDTO(member), password: existing ? null : password };
  });
}

/** Changes a member's role or disables/enables their account; an admin cannot lock themself out. */
export async function updateMember({ teamId, userId, memberId, role, disabled }: TUpdateMember & { teamId: string; userId: string }) {
  await requireTeamAdmin(teamId, userId);
  const member = await db.membership.findFirst({ where: { id: memberId, teamId }, select: memberSelect });
  if (!member) throw notFound("That member");
  if (member.user.id === userId && (disabled === true || (role && role !== "admin"))) {
    throw new AppError("unprocessable", "You cannot remove your own admin rights or disable yourself; ask another admin.");
  }
  return db.$transaction(async (tx) => {
    if (role) await tx.membership.update({ where: { id: memberId }, data: { role } });
    if (disabled !== undefined) await tx.user.update({ where: { id: member.user.id }, data: { disabled } });
    const after = await tx.membership.findUniqueOrThrow({ where: { id: memberId }, select: memberSelect });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "membership",
      entityId: memberId,
      action: "member.updated",
      before: { role: member.role, disabled: member.user.disabled },
      after: { role: after.role, disabled: after.user.disabled },
    });
    return toMemberDTO(after);
  });
}

/** Sets a new generated password, returned once. Sessions end at their next re-check only if disabled, so say so. */
export async function resetPassword({ teamId, userId, memberId }: { teamId: string; userId: string; memberId: string }) {
  await requireTeamAdmin(teamId, userId);
  const member = await db.membership.findFirst({ where: { id: memberId, teamId }, select: { id: true, user: { select: { id: true, email: true } } } });
  if (!member) throw notFound("That member");
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.user.id }, data: { passwordHash } });
    await recordAudit(tx, { actorId: userId, teamId, entity: "membership", entityId: memberId, action: "member.password-reset", after: { email: member.user.email } });
  });
  return { email: member.user.email, password };
}

export type TeamChoice = { id: string; name: string; role: Role };

export async function listMyTeams({ userId }: { userId: string }): Promise<TeamChoice[]> {
  const rows = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, team: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ ...r.team, role: r.role }));
}
