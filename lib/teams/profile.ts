import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import { forbidden, notFound } from "@/lib/http/errors";
import type { TTeamProfile } from "@/lib/validation/team-profile";

export type TeamProfileDTO = { publicName: string | null; publicUrl: string | null; logoUrl: string | null };

const profileSelect = { publicName: true, publicUrl: true, logoUrl: true } as const;

/** The team's public profile, for any member; 404 for anyone else. */
export async function getTeamProfile({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamProfileDTO> {
  const team = await db.team.findFirst({ where: { id: teamId, memberships: { some: { userId } } }, select: profileSelect });
  if (!team) throw notFound("That team");
  return team;
}

/**
 * Admins set how the team signs its fact-checks: the organisation's public name, site and logo
 * (ClaimReview `author`). Empty values fall back to the team name and no link. 404 for
 * outsiders, 403 for members who are not admins; one audit row.
 */
export async function updateTeamProfile({
  teamId,
  userId,
  ...profile
}: TTeamProfile & { teamId: string; userId: string }): Promise<TeamProfileDTO> {
  const membership = await db.membership.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true } });
  if (!membership) throw notFound("That team");
  if (membership.role !== "admin") throw forbidden("Only a team admin can change how the team signs its fact-checks.");
  return inTransaction(db, async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: profileSelect });
    const after = await tx.team.update({ where: { id: teamId }, data: profile, select: profileSelect });
    await recordAudit(tx, { actorId: userId, teamId, entity: "team", entityId: teamId, action: "team.profile", before, after });
    return after;
  });
}
