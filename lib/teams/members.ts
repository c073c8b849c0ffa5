import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import { teamMembersScope } from "@/lib/access/scope";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import { endUserSessions } from "@/lib/sessions/sessions";
import { inviteMember } from "@/lib/onboarding/invitations";
import { hashPassword } from "@/lib/users/passwords";
import type { TAddMember, TUpdateMember } from "@/lib/validation/team";

export type MemberDTO = { id: string; userId: string; email: string; name: string; role: Role; disabled: boolean; since: string };

/** The team's admin check: 404 for outsiders, 403 for members who are not admins. */
async function requireTeamAdmin(teamId: string, userId: string, client: DbClient) {
  await requireTeamRole(
    { teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: "Only a team admin can manage members." },
    client,
  );
}

/** Filter on Membership: rows of team `teamId`, while `userId` is an admin of it. */
const asTeamAdmin = (teamId: string, userId: string) => teamMembersScope(teamId, userId, TEAM_ADMIN_ROLES);

/**
 * Filter on User: every team the account belongs to has `actorId` as an admin. A password and the
 * disabled flag belong to the account, not to one team, so changing them is for someone who
 * administers all of the person's teams; otherwise an admin of one team could take over (or lock
 * out) a member of another just by adding their address to their own team.
 */
const administeredEverywhere = (actorId: string) => ({
  memberships: { every: { team: { memberships: { some: { userId: actorId, role: { in: [...TEAM_ADMIN_ROLES] } } } } } },
});

const ACCOUNT_WIDE =
  "This person is also a member of a team you do not administer, so their password and account are not yours to change. Ask an admin of all their teams.";

/** 403 when the member's account belongs to a team the actor does not administer (see administeredEverywhere). */
async function requireAccountWideRights(tx: Prisma.TransactionClient, actorId: string, accountId: string) {
  const mine = await tx.user.count({ where: { id: accountId, ...administeredEverywhere(actorId) } });
  if (mine === 0) throw forbidden(ACCOUNT_WIDE);
}

/** After a scoped write matched nothing: 404/403 when the actor is no longer an admin, else the member is gone. */
async function memberWriteRefusal(teamId: string, userId: string, tx: Prisma.TransactionClient) {
  await requireTeamAdmin(teamId, userId, tx);
  return notFound("That member");
}

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true, disabled: true } },
} as const;
type MemberRow = { id: string; role: Role; createdAt: Date; user: { id: string; email: string; name: string; disabled: boolean } };
const toMemberDTO = (m: MemberRow): MemberDTO => ({
  id: m.id,
  userId: m.user.id,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  disabled: m.user.disabled,
  since: m.createdAt.toISOString(),
});

/**
 * Everyone in the team, for any member to see (assignment needs it): membership id, user id, email, name,
 * role, whether the account is disabled, and `since` (ISO 8601); ordered by role, then name. No password data.
 * @throws AppError 404 `not_found` when the team does not exist or the user is not a member of it.
 */
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
 * POST /api/v1/team/members: adding someone is inviting them (lib/onboarding/invitations.ts inviteMember). Nobody
 * joins a team without their consent: the person opens the link and accepts, with their own password for an
 * existing account or a new one they choose. The answer, `{ invitation, url, mailed }`, has the same shape and
 * status whether or not the address has an account anywhere, so it tells the admin nothing about other newsrooms.
 * Runs in `client` when it is a transaction.
 * @throws AppError 404 when the team does not exist or the user is not in it; 403 unless the user is its admin;
 * 409 `conflict` when that address is already a member of this team.
 */
export function addMember({ teamId, userId, email, role }: TAddMember & { teamId: string; userId: string }, client: DbClient = db) {
  return inviteMember({ teamId, userId, email, role }, new Date(), client);
}

/**
 * Makes one team's member changes take turns: locks the team's row (FOR NO KEY UPDATE, which rows referencing the
 * team do not wait for) until the caller's transaction ends, so the checks that follow see every change committed
 * before it. Without it two admins demoting or disabling each other at once both passed the admin check and the team
 * was left with no admin, which nothing short of SQL could mend. Only a member of the team takes the lock: an outsider
 * never waits on another newsroom's row (and gets 404 from the admin check).
 * @throws AppError 403 when the actor's account was disabled meanwhile (their sessions end with it, but a request
 * already under way got past that check).
 */
async function takeMemberChangeTurn(tx: Prisma.TransactionClient, teamId: string, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT t.id FROM "Team" t JOIN "Membership" m ON m."teamId" = t.id AND m."userId" = ${userId}
    WHERE t.id = ${teamId} FOR NO KEY UPDATE OF t`;
  // A statement of its own: one that waited for the lock still reads the other tables as they were when it began.
  const actor = await tx.user.findUnique({ where: { id: userId }, select: { disabled: true } });
  if (actor?.disabled) throw forbidden("Your account has been disabled.");
}

/** Higher is more: losing rank (admin → editor → reviewer → viewer) ends the member's sessions. */
const ROLE_RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, admin: 3 };

/**
 * Changes a member's role and/or disables or enables their account (the flag is on the account, so it applies
 * in every team), audited as "member.updated". Disabling, or a role with fewer rights, ends all of the
 * person's sessions in the same transaction (they sign in again and get the new role); re-enabling does not
 * bring old sessions back. An admin cannot remove their own admin role or disable themself. Returns the member
 * as it is now.
 * @throws AppError 404 when the team does not exist, the user is not in it, or the member is not in this team;
 * 403 unless the user is its admin, or (for disabling) when the person is also in a team the user does not
 * administer; 422 `unprocessable` for the admin's own demotion or disabling.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function updateMember(
  { teamId, userId, memberId, role, disabled }: TUpdateMember & { teamId: string; userId: string },
  client: DbClient = db,
) {
  return inTransaction(client, async (tx) => {
    await takeMemberChangeTurn(tx, teamId, userId);
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
      await requireAccountWideRights(tx, userId, member.user.id);
      const { count } = await tx.user.updateMany({
        where: { id: member.user.id, AND: [{ memberships: { some: { id: memberId, ...scope } } }, administeredEverywhere(userId)] },
        data: { disabled },
      });
      if (count === 0) throw await memberWriteRefusal(teamId, userId, tx);
    }
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
 * Sets a new generated password (16 base64url characters) on a member's account, returned once with their email
 * for the admin to pass on; audited as "member.password-reset" (without the password). All of the person's
 * sessions end in the same transaction (someone who had their password may have signed in with it). Not for
 * the admin's own account: that would change a password without knowing it, so it goes through Account →
 * Password.
 * @throws AppError 404 when the team does not exist, the user is not in it, or the member is not in this team;
 * 403 unless the user is its admin, or when the person is also in a team the user does not administer;
 * 422 `unprocessable` for the admin's own account.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function resetPassword(
  { teamId, userId, memberId }: { teamId: string; userId: string; memberId: string },
  client: DbClient = db,
) {
  // Checked before hashing (slow on purpose), and again in the transaction that writes.
  await requireTeamAdmin(teamId, userId, client);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(client, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const scope = asTeamAdmin(teamId, userId);
    const member = await tx.membership.findFirst({
      where: { id: memberId, ...scope },
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    if (!member) throw notFound("That member");
    if (member.user.id === userId)
      throw new AppError("unprocessable", "To change your own password, use Password on your Account page; it asks for your current one.");
    await requireAccountWideRights(tx, userId, member.user.id);
    const { count } = await tx.user.updateMany({
      where: { id: member.user.id, AND: [{ memberships: { some: { id: memberId, ...scope } } }, administeredEverywhere(userId)] },
      data: { passwordHash },
    });
    if (count === 0) throw await memberWriteRefusal(teamId, userId, tx);
    await endUserSessions(tx, { userId: member.user.id });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "membership",
      entityId: memberId,
      action: "member.password-reset",
      after: { email: member.user.email },
    });
    return { email: member.user.email, password };
  });
}

export type TeamChoice = { id: string; name: string; role: Role };

/**
 * The teams the user belongs to, oldest membership first (the first is the default active team), with their
 * role in each: what the team switcher offers. Empty for a user in no team.
 */
export async function listMyTeams({ userId }: { userId: string }): Promise<TeamChoice[]> {
  const rows = await db.membership.findMany({
    where: { userId, team: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.team, role: r.role }));
}
