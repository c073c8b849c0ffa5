// Prisma filters that put team membership into a query's `where`, so a row the user may not
// see is never read or written, and not-found and not-allowed look the same (404).
// Pure: no Prisma client here (lib/access/require.ts runs the queries).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Filter on Membership: the user's membership, with one of `roles` (any role when omitted).
 * Input: user id, optional role list. Output: a Prisma.MembershipWhereInput.
 */
export function membershipOf(userId: string, roles?: readonly Role[]): Prisma.MembershipWhereInput {
  return roles ? { userId, role: { in: [...roles] } } : { userId };
}

/** Filter on Team: the user is a member (with one of `roles` when given). */
export function teamMemberScope(userId: string, roles?: readonly Role[]): Prisma.TeamWhereInput {
  // Archived teams are out of reach for everyone (lib/teams/manage-teams.ts).
  return { archivedAt: null, memberships: { some: membershipOf(userId, roles) } };
}

/** Filter on Article: it belongs to a team where the user has one of `roles` (any role when omitted). */
export function articleScope(userId: string, roles?: readonly Role[]): Prisma.ArticleWhereInput {
  return { team: teamMemberScope(userId, roles) };
}

/** Filter on Claim: its article is in a team where the user has one of `roles` (any role when omitted). */
export function claimScope(userId: string, roles?: readonly Role[]): Prisma.ClaimWhereInput {
  return { article: articleScope(userId, roles) };
}

/**
 * Filter on Membership rows of team `teamId`, visible to `userId` only when they are in that
 * team with one of `roles` (any role when omitted): for reading or changing a team's members.
 */
export function teamMembersScope(teamId: string, userId: string, roles?: readonly Role[]): Prisma.MembershipWhereInput {
  return { teamId, team: teamMemberScope(userId, roles) };
}
