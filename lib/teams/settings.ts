import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import { forbidden, notFound } from "@/lib/http/errors";
import type { TTeamSettings } from "@/lib/validation/team";

/** A team's settings: `timeZone` is the IANA name due dates are read in ("UTC" unless changed). */
export type TeamSettingsDTO = { id: string; name: string; timeZone: string };

const settingsSelect = { id: true, name: true, timeZone: true } as const;

/** The team's settings, for any of its members. Throws 404 for anyone else (and for no such team). */
export async function getTeamSettings({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamSettingsDTO> {
  const team = await db.team.findFirst({ where: { id: teamId, memberships: { some: { userId } } }, select: settingsSelect });
  if (!team) throw notFound("That team");
  return team;
}

/**
 * Sets the team's time zone (`timeZone`: a canonical IANA name, checked by ZTeamSettings), which
 * decides which day "today" is for due dates. Admins only: 404 for outsiders, 403 for other
 * members. Recorded in the audit trail with the old and new zone.
 */
export async function setTeamTimeZone({
  teamId,
  userId,
  timeZone,
}: TTeamSettings & { teamId: string; userId: string }): Promise<TeamSettingsDTO> {
  const membership = await db.membership.findUnique({
    where: { userId_teamId: { userId, teamId } },
    select: { role: true, team: { select: { timeZone: true } } },
  });
  if (!membership) throw notFound("That team");
  if (membership.role !== "admin") throw forbidden("Only a team admin can change the team's time zone.");
  return inTransaction(db, async (tx) => {
    const team = await tx.team.update({ where: { id: teamId }, data: { timeZone }, select: settingsSelect });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "team",
      entityId: teamId,
      action: "team.time_zone_set",
      before: { timeZone: membership.team.timeZone },
      after: { timeZone },
    });
    return team;
  });
}
