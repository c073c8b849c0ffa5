import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  role: Role | null;
};

/**
 * Re-reads who the user is now: null when the account is gone or disabled.
 * The active team is the preferred one if the user is still a member, else their first team.
 */
export async function loadSessionUser(userId: string, preferredTeamId?: string | null): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      disabled: true,
      memberships: {
        select: { role: true, team: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user || user.disabled) return null;
  const membership =
    user.memberships.find((m) => m.team.id === preferredTeamId) ?? user.memberships[0] ?? null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: membership?.team.id ?? null,
    teamName: membership?.team.name ?? null,
    role: membership?.role ?? null,
  };
}
