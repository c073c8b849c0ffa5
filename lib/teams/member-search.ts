import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { WRITE_ROLES } from "@/lib/access/roles";
import { MEMBER_SEARCH_PAGE_SIZE, type TMemberSearch } from "@/lib/validation/notifications";

/** One person in a member search: their user id, name, email, role and how many open claims they are assigned in the team. */
export type MemberChoiceDTO = { id: string; name: string; email: string; role: Role; openAssignments: number };

export type MemberSearchPage = { members: MemberChoiceDTO[]; nextCursor: string | null };

/** Claims still open: assignments to them count as work waiting. */
const OPEN_STATUSES = ["unreviewed", "in_review", "verdict_proposed", "disputed"] as const;

/**
 * A page of the active members of `teamId` whose name or email contains `q` (any case; all when empty), ordered
 * by name then id, MEMBER_SEARCH_PAGE_SIZE a page, each with their open assignments in this team (claims not yet
 * verified or set aside). `writers` leaves out viewers (who cannot be assigned). `cursor` is the membership id
 * the previous page ended with (`nextCursor`). Only a member of the team gets anything: the query includes the
 * caller's own membership, so anyone else gets an empty page. Output: MemberSearchPage.
 */
export async function searchMembers({
  teamId,
  userId,
  q,
  writers,
  cursor,
}: TMemberSearch & { teamId: string; userId: string }): Promise<MemberSearchPage> {
  const query = q?.trim();
  const where: Prisma.MembershipWhereInput = {
    teamId,
    team: { archivedAt: null, memberships: { some: { userId, user: { disabled: false } } } },
    user: {
      disabled: false,
      ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { email: { contains: query, mode: "insensitive" } }] } : {}),
    },
    ...(writers ? { role: { in: [...WRITE_ROLES] } } : {}),
  };
  const rows = await db.membership.findMany({
    where,
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    take: MEMBER_SEARCH_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      role: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          _count: { select: { assignments: { where: { claim: { status: { in: [...OPEN_STATUSES] }, article: { teamId } } } } } },
        },
      },
    },
  });
  const page = rows.slice(0, MEMBER_SEARCH_PAGE_SIZE);
  return {
    members: page.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      openAssignments: m.user._count.assignments,
    })),
    nextCursor: rows.length > MEMBER_SEARCH_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
