import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import { teamMembersScope } from "@/lib/access/scope";
import { AppError, notFound } from "@/lib/http/errors";
import { hashPassword } from "@/lib/users/passwords";
import type { TAddMember, TUpdateMember } from "@/lib/validation/team";

export type MemberDTO = { id: string; userId: string; email: string; name: string; role: Role; disabled: boolean; since: string };

/** The team's admin check: 404 for outsiders, 403 for members who are not admins. */
async function requireTeamAdmin(teamId: string, userId: string, client: DbClient) {
  await requireTeamRole({ teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: "Only a team admin can manage members." }, client);
}

/** Filter on Membership: rows of team `teamId`, while `userId` is an admin of it. */
const asTeamAdmin = (teamId: string, userId: string) => teamMembersScope(teamId, userId, TEAM_ADMIN_ROLES);

/** After a scoped write matched nothing: 404/403 when the actor is no longer an admin, else the member is gone. */
async function memberWriteRefusal(teamId: string, userId: string, tx: Prisma.TransactionClient) {
  await requireTeamAdmin(teamId, userId, tx);
  return notFound("That member");
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
 * Input: the team, the acting admin (`userId`), email, name and role; runs in `client` when it
 * is a transaction. Output: `{ member: MemberDTO, password: string | null }` (null for an
 * existing account). Throws 404 when the actor is not in the team, 403 unless they are its
 * admin, 409 when the address is already a member.
 */
export async function addMember({ teamId, userId, email, name, role }: TAddMember & { teamId: string; userId: string }, client: DbClient = db) {
  // Checked before hashing (slow on purpose), and again in the transaction that writes.
  await requireTeamAdmin(teamId, userId, client);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(client, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
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

/**
 * Changes a member's role or disables/enables their account; an admin cannot lock themself out.
 * Every write is scoped to the actor still being an admin of the team. Input: the team, the
 * acting admin, the member, `role` and/or `disabled`; runs in `client` when it is a transaction.
 * Output: the member after the change (MemberDTO). Throws 404 when the actor is not in the team
 * or the member is not in it, 403 unless the actor is its admin, 422 for a change against themself.
 */
export async function updateMember({ teamId, userId, memberId, role, disabled }: TUpdateMember & { teamId: string; userId: string }, client: DbClient = db) {
  return inTransaction(client, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const scope = asTeamAdmin(teamId, userId);
    const member = await tx.membership.findFirst({ where: { id: memberId, ...scope }, select: memberSelect });
    if (!member) throw notFound("That member");
    if (member.user.id === userId && (disabled === true || (role && role !== "admin"))) {
      throw new AppError("unprocessable", "You cannot remove your own admin rights or disable yourself; ask another admin.");
    }
    if (role) {
      const { count } = await tx.membership.updateMany({ where: { id: memberId, ...scope }, data: { role } });
      if (count === 0) throw await memberWriteRefusal(teamId, userId, tx);
    }
    if (disabled !== undefined) {
      const { count } = await tx.user.updateMany({ where: { id: member.user.id, memberships: { some: { id: memberId, ...scope } } }, data: { disabled } });
      if (count === 0) throw await memberWriteRefusal(teamId, userId, tx);
    }
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
 * Sets a new generated password, returned once. Sessions end at their next re-check only if
 * disabled, so say so. Input: the team, the acting admin, the member; runs in `client` when it
 * is a transaction. Output: `{ email, password }`. Throws 404 when the actor or the member is not
 * in the team, 403 unless the actor is its admin.
 */
export async function resetPassword({ teamId, userId, memberId }: { teamId: string; userId: string; memberId: string }, client: DbClient = db) {
  // Checked before hashing (slow on purpose), and again in the transaction that writes.
  await requireTeamAdmin(teamId, userId, client);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(client, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const scope = asTeamAdmin(teamId, userId);
    const member = await tx.membership.findFirst({ where: { id: memberId, ...scope }, select: { id: true, user: { select: { id: true, email: true } } } });
    if (!member) throw notFound("That member");
    const { count } = await tx.user.updateMany({ where: { id: member.user.id, memberships: { some: { id: memberId, ...scope } } }, data: { passwordHash } });
    if (count === 0) throw await memberWriteRefusal(teamId, userId, tx);
    await recordAudit(tx, { actorId: userId, teamId, entity: "membership", entityId: memberId, action: "member.password-reset", after: { email: member.user.email } });
    return { email: member.user.email, password };
  });
}

export type TeamChoice = { id: string; name: string; role: Role };

export async function listMyTeams({ userId }: { userId: string }): Promise<TeamChoice[]> {
  const rows = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, team: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ ...r.team, role: r.role }));
}
