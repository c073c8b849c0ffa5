import { priorityDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  role: Role | null;
  /** Browser sessions only: the public id of the session row (marks "this device"). */
  sessionId?: string;
  /** API requests only: the id of the bearer token acting for the user (long-lived streams re-check it). */
  apiTokenId?: string;
  /** A team requires two-factor of this admin or editor and it is not on yet (sessions and tokens: must-enrol-sql.ts). */
  mustEnrolTwoFactor?: boolean;
};

/** What a session (or an API token) needs to know about its user, in one query. */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  disabled: true,
  memberships: {
    // Archived teams are gone for their members (lib/teams/manage-teams.ts).
    where: { team: { archivedAt: null } },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

/** A user row as sessionUserSelect reads it (also built in SQL by the API token lookup). */
export type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  memberships: { role: Role; team: { id: string; name: string } }[];
};

/**
 * Null when the account is gone or disabled. The active team is the preferred one if the user
 * is still a member, else their first team.
 */
export function toSessionUser(user: SessionUserRow | null, preferredTeamId?: string | null): SessionUser | null {
  if (!user || user.disabled) return null;
  const membership = user.memberships.find((m) => m.team.id === preferredTeamId) ?? user.memberships[0] ?? null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: membership?.team.id ?? null,
    teamName: membership?.team.name ?? null,
    role: membership?.role ?? null,
  };
}

/** Re-reads who the user is now (see toSessionUser), on the reserve pool (lib/db.ts) since signing in needs it. */
export async function loadSessionUser(userId: string, preferredTeamId?: string | null): Promise<SessionUser | null> {
  const user = await priorityDb.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  return toSessionUser(user, preferredTeamId);
}
