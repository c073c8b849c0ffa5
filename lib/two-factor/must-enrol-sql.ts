// The team's two-factor rule as one SQL predicate, so every credential obeys the same rule: a browser session
// (lib/sessions/sessions.ts checkSession) and an API token (lib/api-tokens/verify-token.ts) both read it in the
// statement that looks them up, and lib/auth.ts refuses their writes with the same 403 (refuseUntilEnrolled).
import { TWO_FACTOR_ROLES } from "@/lib/access/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { forbidden } from "@/lib/http/errors";
import { TWO_FACTOR_NEEDED_MESSAGE } from "@/lib/two-factor/sign-in-errors";

/**
 * SQL boolean: the user (a "User" row aliased `user`, e.g. Prisma.sql`u`) has no two-factor on and is an admin or
 * editor (TWO_FACTOR_ROLES) of a team that requires it. Pure; a fragment for a SELECT list or WHERE.
 */
export function mustEnrolTwoFactorSql(user: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${user}."totpEnabledAt" IS NULL AND EXISTS (
    SELECT 1 FROM "Membership" m2f JOIN "Team" t2f ON t2f."id" = m2f."teamId"
    WHERE m2f."userId" = ${user}."id" AND t2f."requireTwoFactor" AND m2f."role"::text = ANY(${[...TWO_FACTOR_ROLES]}::text[])
  ))`;
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * The rule itself, for a session or a token alike: while the user must enrol (mustEnrolTwoFactorSql), they may
 * read (GET/HEAD, case-insensitive) but not change anything. `method` null (a server action, or unknown) counts as a
 * write; `allowWithoutTwoFactor` is for setting two-factor up (the Account page).
 * @throws AppError 403 `forbidden` (TWO_FACTOR_NEEDED_MESSAGE: turn it on under Account → Two-factor) otherwise.
 */
export function refuseUntilEnrolled({
  mustEnrolTwoFactor,
  method,
  allowWithoutTwoFactor = false,
}: {
  mustEnrolTwoFactor: boolean | undefined;
  method: string | null;
  allowWithoutTwoFactor?: boolean;
}): void {
  if (!mustEnrolTwoFactor || allowWithoutTwoFactor) return;
  if (method !== null && READ_METHODS.has(method.toUpperCase())) return;
  throw forbidden(TWO_FACTOR_NEEDED_MESSAGE);
}
