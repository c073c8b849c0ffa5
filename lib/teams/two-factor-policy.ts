import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, forbidden, notFound } from "@/lib/http/errors";

/** The team's two-factor rule as its admins see it, with who still has to turn it on. */
export type TeamTwoFactorDTO = {
  required: boolean;
  /** Admins and editors (who the rule applies to), with whether each has two-factor on. */
  people: { userId: string; name: string; email: string; role: Role; enrolled: boolean }[];
};

const COVERED_ROLES: Role[] = ["admin", "editor"];

/** The admin's view: 404 for outsiders, 403 for members who are not admins (checked in the query). */
export async function getTeamTwoFactor({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamTwoFactorDTO> {
  const team = await db.team.findFirst({
    where: { id: teamId, memberships: { some: { userId } } },
    select: {
      requireTwoFactor: true,
      memberships: {
        where: { role: { in: COVERED_ROLES } },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: true, totpEnabledAt: true, disabled: true } } },
      },
    },
  });
  if (!team) throw notFound("That team");
  if (!team.memberships.some((m) => m.user.id === userId && m.role === "admin")) throw forbidden("Only a team admin can see and change the two-factor rule.");
  return {
    required: team.requireTwoFactor,
    people: team.memberships
      .filter((m) => !m.user.disabled)
      .map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, enrolled: m.user.totpEnabledAt !== null })),
  };
}

/**
 * Admins turn "Require two-factor for admins and editors" on or off. Turning it on needs the
 * admin's own two-factor on first (so they do not shut themselves out of the Team page). From
 * then on an admin or editor without two-factor is sent to their Account page to set it up and
 * their session's writes are refused (checked on every request). Audited.
 * Throws AppError not_found, forbidden (not an admin) or unprocessable (own two-factor off).
 */
export async function setTeamTwoFactor({ teamId, userId, required }: { teamId: string; userId: string; required: boolean }): Promise<TeamTwoFactorDTO> {
  await db.$transaction(async (tx) => {
    const admin = await tx.membership.findFirst({
      where: { teamId, userId, role: "admin" },
      select: { user: { select: { totpEnabledAt: true } }, team: { select: { requireTwoFactor: true } } },
    });
    if (!admin) {
      const member = await tx.membership.findFirst({ where: { teamId, userId }, select: { id: true } });
      throw member ? forbidden("Only a team admin can change the two-factor rule.") : notFound("That team");
    }
    if (required && !admin.user.totpEnabledAt) {
      throw new AppError("unprocessable", "Turn on two-factor for your own account first (Account → Two-factor), then require it of the team.");
    }
    if (admin.team.requireTwoFactor === required) return;
    await tx.team.update({ where: { id: teamId }, data: { requireTwoFactor: required } });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "team",
      entityId: teamId,
      action: "team.two-factor-rule",
      before: { requireTwoFactor: admin.team.requireTwoFactor },
      after: { requireTwoFactor: required },
    });
  });
  return getTeamTwoFactor({ teamId, userId });
}
