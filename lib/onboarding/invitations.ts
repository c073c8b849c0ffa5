import { recordAudit } from "@/lib/audit/record-audit";
import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import { db, inTransaction, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";
import { queueInvitationMail } from "@/lib/mail/messages";
import { appBaseUrl, looksLikeOneTimeToken, newOneTimeToken, oneTimeTokenHash } from "@/lib/onboarding/one-time-token";
import { checkPasswordWithinLimits } from "@/lib/users/confirm-password";
import { hashPassword } from "@/lib/users/passwords";
import { checkLoginLock } from "@/lib/users/login-attempts";
import { ZAcceptInvitation, type TAcceptInvitation, type TInvite } from "@/lib/validation/onboarding";
import { parseInput } from "@/lib/validation/parse";

/** How long an invitation link works: 7 days from when it was (re)sent. */
export const INVITATION_DAYS = 7;

export type InvitationDTO = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
};

/** The admin check: 404 for outsiders (and archived teams), 403 for members who are not admins. */
function requireTeamAdmin(teamId: string, userId: string, client: DbClient) {
  return requireTeamRole(
    { teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: "Only a team admin can invite people." },
    client,
  );
}

const invitationUrl = (token: string) => `${appBaseUrl()}/join?token=${token}`;

const select = { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } } as const;
type Row = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; invitedBy: { name: string } };
const toDTO = (row: Row, now: Date): InvitationDTO => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy: row.invitedBy.name,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  expired: row.expiresAt <= now,
});

/**
 * The team's pending invitations (neither accepted nor revoked; expired ones included, marked `expired`),
 * newest first, for its admins. @throws AppError 404 for outsiders, 403 for members who are not admins.
 */
export async function listInvitations({ teamId, userId }: { teamId: string; userId: string }, now = new Date()): Promise<InvitationDTO[]> {
  await requireTeamAdmin(teamId, userId, db);
  const rows = await db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select,
  });
  return rows.map((r) => toDTO(r, now));
}

/**
 * An admin invites `email` to the team with `role`: a new single-use link, valid INVITATION_DAYS, bound to that
 * address; any earlier pending invitation of the address to this team is revoked. The invitation mail is queued
 * in the same transaction (sent only when SMTP is configured). Audited as "invitation.created". Returns the
 * invitation and its link (for the admin to copy when no mail is sent). The answer is the same whether or not the
 * address has an account anywhere: nobody joins, and nothing about the account shows, until the person accepts.
 * Runs in `client` when it is a transaction.
 * @throws AppError 404 for outsiders, 403 unless admin, 409 `conflict` when the address is already a member.
 */
export async function inviteMember(
  { teamId, userId, email, role }: TInvite & { teamId: string; userId: string },
  now = new Date(),
  client: DbClient = db,
) {
  return inTransaction(client, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const member = await tx.membership.findFirst({ where: { teamId, user: { email } }, select: { id: true } });
    if (member) throw new AppError("conflict", `${email} is already a member of this team.`);
    await tx.invitation.updateMany({ where: { teamId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const token = newOneTimeToken();
    const row = await tx.invitation.create({
      data: { teamId, email, role, invitedById: userId, tokenHash: oneTimeTokenHash(token), expiresAt: addDays(now, INVITATION_DAYS) },
      select: { ...select, team: { select: { name: true } } },
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "invitation",
      entityId: row.id,
      action: "invitation.created",
      after: { email, role },
    });
    const url = invitationUrl(token);
    const mailed = await queueInvitationMail(tx, { to: email, teamName: row.team.name, invitedBy: row.invitedBy.name, role, url });
    return { invitation: toDTO(row, now), url, mailed };
  });
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * Sends a pending invitation again with a new link (the old link stops working) and a new expiry
 * (INVITATION_DAYS from now). Audited as "invitation.resent". Returns the invitation and the new link.
 * @throws AppError 404 when the invitation is not a pending one of this team, or the user is an outsider; 403 unless admin.
 */
export async function resendInvitation(
  { teamId, userId, invitationId }: { teamId: string; userId: string; invitationId: string },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const token = newOneTimeToken();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, teamId, acceptedAt: null, revokedAt: null },
      data: { tokenHash: oneTimeTokenHash(token), expiresAt: addDays(now, INVITATION_DAYS) },
    });
    if (count === 0) throw notFound("That invitation");
    const row = await tx.invitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { ...select, team: { select: { name: true } } },
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "invitation",
      entityId: row.id,
      action: "invitation.resent",
      after: { email: row.email },
    });
    const url = invitationUrl(token);
    const mailed = await queueInvitationMail(tx, {
      to: row.email,
      teamName: row.team.name,
      invitedBy: row.invitedBy.name,
      role: row.role,
      url,
    });
    return { invitation: toDTO(row, now), url, mailed };
  });
}

/**
 * Revokes a pending invitation: its link stops working at once. Audited as "invitation.revoked".
 * @throws AppError 404 when it is not a pending invitation of this team or the user is an outsider; 403 unless admin.
 */
export async function revokeInvitation(
  { teamId, userId, invitationId }: { teamId: string; userId: string; invitationId: string },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx);
    const row = await tx.invitation.findFirst({
      where: { id: invitationId, teamId, acceptedAt: null, revokedAt: null },
      select: { email: true, role: true },
    });
    if (!row) throw notFound("That invitation");
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "invitation",
      entityId: invitationId,
      action: "invitation.revoked",
      before: row,
    });
    return { id: invitationId };
  });
}

export const INVITATION_REFUSED =
  "This invitation link no longer works: it was used, revoked or replaced by a newer one, it expired, or it was sent to another address. Ask your admin for a new one.";

/**
 * What the /join page shows for a live invitation link: the address, team name and role; nothing about whether the
 * address has an account (the admin who sent the link holds it too, so the page must look the same either way).
 * Null for a link that is unknown, used, revoked or expired.
 */
export async function readInvitation(token: string, now = new Date()) {
  if (!looksLikeOneTimeToken(token)) return null;
  const row = await db.invitation.findFirst({
    where: { tokenHash: oneTimeTokenHash(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, team: { archivedAt: null } },
    select: { email: true, role: true, team: { select: { name: true } } },
  });
  if (!row) return null;
  return { email: row.email, role: row.role, teamName: row.team.name };
}

/**
 * Accepts an invitation: `email` must be the address it was sent to. Everyone gives a name and a password of at
 * least 12 characters (ZAcceptInvitation, checked here too); a new address gets an account with them, an existing
 * account must give its own password, keeps its name and simply joins. The link is used up in the same
 * transaction. Audited as "invitation.accepted". Returns `{ email, teamId }`.
 *
 * The answers do not depend on whether the address has an account, as far as that is possible without a
 * confirmation mail: the form's rules are checked before the account is looked up, and a sign-in lock on the address
 * or the client address refuses both alike. What remains: a password that is not the existing account's is refused
 * (422), where for a new address the same request makes the account. Anyone holding the link can tell those two
 * apart; removing that would mean mailing the address a confirmation instead of answering here. After a right password,
 * a disabled account (409) and two-factor (the form cannot sign in) only show to the account's owner.
 * @throws AppError 404 (INVITATION_REFUSED) for an unknown, used, revoked or expired link, or another address;
 * 422 with field errors for a missing name, a password under 12 characters, or a wrong password of an existing
 * account; 409 when the account is disabled; 429 while the address or the client address `ip` (the client's,
 * lib/http/client-ip.ts) is locked by failed sign-ins (a wrong password here counts as one).
 */
export async function acceptInvitation(input: TAcceptInvitation, ip: string, client: DbClient = db, now = new Date()) {
  const { token, email, name, password } = parseInput(ZAcceptInvitation, input);
  if (!looksLikeOneTimeToken(token)) throw new AppError("not_found", INVITATION_REFUSED);
  const found = await client.invitation.findFirst({
    where: { tokenHash: oneTimeTokenHash(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, team: { archivedAt: null } },
    select: { id: true, email: true },
  });
  if (!found || found.email !== email) throw new AppError("not_found", INVITATION_REFUSED);
  const account = await client.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabled: true } });
  if (account) {
    // Checked like a sign-in, within the same per-account and per-address limits. The one answer that differs from
    // a new address's (see above): it cannot be helped without mailing the address.
    if (!(await checkPasswordWithinLimits({ email, passwordHash: account.passwordHash, password, ip }))) {
      throw new AppError("unprocessable", "That is not the password of this account.", {
        password: ["That is not the password of this account."],
      });
    }
  } else {
    // The lock an existing account's check would meet (sign-in counts failures for any address), met alike.
    const lock = await checkLoginLock(email, ip, now);
    if (lock.locked) throw new AppError("too_many_requests", lock.message, undefined, { "Retry-After": String(lock.retryAfterSeconds) });
  }
  if (account?.disabled) throw new AppError("conflict", "This account is disabled. Ask an admin to enable it.");
  const passwordHash = account ? null : await hashPassword(password);
  return inTransaction(client, async (tx) => {
    // The link is used up by whoever gets here first; a second request finds nothing to claim.
    const { count } = await tx.invitation.updateMany({
      where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count === 0) throw new AppError("not_found", INVITATION_REFUSED);
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: found.id }, select: { teamId: true, role: true } });
    const userId = account?.id ?? (await tx.user.create({ data: { email, name, passwordHash: passwordHash! } })).id;
    await tx.membership.upsert({
      where: { userId_teamId: { userId, teamId: invitation.teamId } },
      create: { userId, teamId: invitation.teamId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId: invitation.teamId,
      entity: "invitation",
      entityId: found.id,
      action: "invitation.accepted",
      after: { email, role: invitation.role, newAccount: !account },
    });
    return { email, teamId: invitation.teamId };
  });
}
