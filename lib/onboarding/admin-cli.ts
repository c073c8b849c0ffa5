import { db, inTransaction } from "@/lib/db";
import { createTeamWithAdmin } from "@/lib/onboarding/first-admin";
import { hashPassword } from "@/lib/users/passwords";
import { email as ZEmail } from "@/lib/validation/team";
import { teamName as ZTeamName } from "@/lib/validation/onboarding";
import { parseInput } from "@/lib/validation/parse";

/**
 * `npm run admin -- create-admin`: a new team `teamName` with `email` as its admin. A new account gets `name`
 * (default: the part of the address before "@") and `password`, returned for the shell to print once; an
 * existing account keeps its password (`password` null). Audited as "team.created" via "admin-cli".
 * @throws AppError 422 for an invalid address or team name; 409 for a disabled account.
 */
export async function createAdminFromShell(input: { email: string; teamName: string; name?: string; password: string }) {
  const email = parseInput(ZEmail, input.email);
  const teamName = parseInput(ZTeamName, input.teamName);
  const passwordHash = await hashPassword(input.password);
  const made = await inTransaction(db, (tx) =>
    createTeamWithAdmin(tx, { email, teamName, name: input.name?.trim() || email.split("@")[0]!, passwordHash, via: "admin-cli" }),
  );
  return { email, teamName, password: made.created ? input.password : null };
}
