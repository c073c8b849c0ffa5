// The access rules of lib/access/scope.ts as SQL joins, for the hot paths written as raw statements (issue #21):
// the row is reached only through the user's membership of a team that is not archived, with one of the roles,
// so not-found and not-allowed look the same (no row) and the write needs no separate check first.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Joins from an Article aliased `a` to its team `t` (not archived) and the user's membership `m` there with one of
 * `roles`. Input: user id and roles. Output: a Prisma.Sql fragment of JOINs. Pure.
 */
export function articleMemberJoin(userId: string, roles: readonly Role[]): Prisma.Sql {
  return Prisma.sql`
    JOIN "Team" t ON t."id" = a."teamId" AND t."archivedAt" IS NULL
    JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
      AND m."role"::text IN (${Prisma.join(roles.map((r) => Prisma.sql`${r}`))})`;
}

/** The same from a Claim aliased `c`: its article `a`, team `t` and the user's membership `m`. Pure. */
export function claimMemberJoin(userId: string, roles: readonly Role[]): Prisma.Sql {
  return Prisma.sql`JOIN "Article" a ON a."id" = c."articleId" ${articleMemberJoin(userId, roles)}`;
}
