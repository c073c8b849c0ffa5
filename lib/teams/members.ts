import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import { endUserSessions } from "@/lib/sessions/sessions";
import { hashPassword } from "@/lib/users/passwords";
import type { TAddMember, TUpdateMember } from "@/lib/validation/team";

export type MemberDTO = { id: string; userId: string; email: string; name: string; role: Role; disabled: boolean; since: string };

/** The team's admin check: 404 for outsiders, 403 for members who are not admins. */
async function requireTeamAdmin(teamId: string, userId: string) {
  const membership = await db.membership.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true } });
  if (!membership) throw notFound("That team");
  if (membership.role !== "admin") throw forbidden("Only a team admin can manage members.");
}

const memberSelect = { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true, disabled: true } } } as const;
type MemberRow = { id: string; role: Role; createdAt: Date; user: { id: string; email: string; name: string; disabled: boolean } };
const toMemberDTO = (m: MemberRow): MemberDTO => ({ id: m.id, userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, disabled: m.user.disabled, since: m.createdAt.toISOString() });

/** Everyone in the team, for any member to see (assignment needs it); no password data. */
export async function listMembers({ teamId, userId }: { teamId: string; userId: string }): Promise<MemberDTO[]> {
  const rows = await db.membership.findMany({
    where: { teamId, team: { memberships: { some: { userId } } } },
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

/** Higher is more: losing rank (admin → editor → reviewer → viewer) ends the member's sessions. */
const ROLE_RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, admin: 3 };

/**
 * Changes a member's role or disables/enables their account; an admin cannot lock themself out.
 * Disabling, or a role with fewer rights, ends all of the person's sessions in the same
 * transaction (they sign in again and get the new role); re-enabling does not bring old
 * sessions back. Throws AppError not_found, forbidden (not an admin) or unprocessable.
 */
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
    if (disabled === true || (role && ROLE_RANK[role] < ROLE_RANK[member.role])) await endUserSessions(tx, { userId: member.user.id });
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

/**
 * Sets a new generated password, returned once, and ends all of the person's sessions in the
 * same transaction (someone who had their password may have signed in with it). Not for the
 * admin's own account: that would change a password without knowing it, so it goes through
 * Account → Password. Throws AppError not_found, forbidden or unprocessable (own account).
 */
export async function resetPassword({ teamId, userId, memberId }: { teamId: string; userId: string; memberId: string }) {
  await requireTeamAdmin(teamId, userId);
  const member = await db.membership.findFirst({ where: { id: memberId, teamId }, select: { id: true, user: { select: { id: true, email: true } } } });
  if (!member) throw notFound("That member");
  if (member.user.id === userId) throw new AppError("unprocessable", "To change your own password, use Password on your Account page; it asks for your current one.");
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.user.id }, data: { passwordHash } });
    await endUserSessions(tx, { userId: member.user.id });
    await recordAudit(tx, { actorId: userId, teamId, entity: "membership", entityId: memberId, action: "member.password-reset", after: { email: member.user.email } });
  });
  return { email: member.user.email, password };
}

export type TeamChoice = { id: string; name: string; role: Role };

export async function listMyTeams({ userId }: { userId: string }): Promise<TeamChoice[]> {
  const rows = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, team: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ ...r.team, role: r.role }));
}
