import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES, TWO_FACTOR_ROLES } from "@/lib/access/roles";
import { teamMembersScope } from "@/lib/access/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, readAll, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";

/** The team's two-factor rule as its admins see it, with who still has to turn it on. */
export type TeamTwoFactorDTO = {
  required: boolean;
  /** Enabled admins and editors (who the rule applies to), with whether each has two-factor on. */
  people: { userId: string; name: string; email: string; role: Role; enrolled: boolean }[];
};

const ADMINS_ONLY = "Only a team admin can see and change the two-factor rule.";

/**
 * The admin's view of the team's two-factor rule: whether it is on, and every enabled admin and editor with
 * whether they have two-factor on (admins first, then by name).
 * @throws AppError 404 `not_found` when the team does not exist or the user is not in it; 403 unless they are its admin.
 */
export async function getTeamTwoFactor(
  { teamId, userId }: { teamId: string; userId: string },
  client: DbClient = db,
): Promise<TeamTwoFactorDTO> {
  await requireTeamRole({ teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: ADMINS_ONLY }, client);
  const [team, members] = await readAll(client, [
    () => client.team.findUniqueOrThrow({ where: { id: teamId }, select: { requireTwoFactor: true } }),
    () =>
      client.membership.findMany({
        where: { ...teamMembersScope(teamId, userId, TEAM_ADMIN_ROLES), role: { in: [...TWO_FACTOR_ROLES] }, user: { disabled: false } },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: true, totpEnabledAt: true } } },
      }),
  ]);
  return {
    required: team.requireTwoFactor,
    people: members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      enrolled: m.user.totpEnabledAt !== null,
    })),
  };
}

/**
 * Admins turn "Require two-factor for admins and editors" on or off (`required`), audited as
 * "team.two-factor-rule". Turning it on needs the admin's own two-factor on first (so they do not shut
 * themselves out of the Team page). From then on an admin or editor without two-factor is sent to their Account
 * page to set it up and their session's writes are refused (checked on every request). Output: the rule as
 * getTeamTwoFactor shows it.
 * @throws AppError 404 `not_found` when the team does not exist or the user is not in it; 403 unless they are its
 * admin; 422 `unprocessable` when turning it on while their own two-factor is off.
 */
export async function setTeamTwoFactor(
  { teamId, userId, required }: { teamId: string; userId: string; required: boolean },
  client: DbClient = db,
): Promise<TeamTwoFactorDTO> {
  return inTransaction(client, async (tx) => {
    await requireTeamRole({ teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message: ADMINS_ONLY }, tx);
    const [admin, team] = await readAll(tx, [
      () => tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
      () => tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { requireTwoFactor: true } }),
    ]);
    if (required && !admin.totpEnabledAt) {
      throw new AppError(
        "unprocessable",
        "Turn on two-factor for your own account first (Account → Two-factor), then require it of the team.",
      );
    }
    if (team.requireTwoFactor !== required) {
      await tx.team.update({ where: { id: teamId }, data: { requireTwoFactor: required } });
      await recordAudit(tx, {
        actorId: userId,
        teamId,
        entity: "team",
        entityId: teamId,
        action: "team.two-factor-rule",
        before: { requireTwoFactor: team.requireTwoFactor },
        after: { requireTwoFactor: required },
      });
    }
    return getTeamTwoFactor({ teamId, userId }, tx);
  });
}
