// The four-eyes rule of a sign-off (lib/claims/workflow.ts statusChangeRefusal: neither the verdict's author nor anyone
// who gave one of the claim's independent review verdicts may sign it off) on the rows the database keeps: the author
// is Claim.verdictById, the independent reviewers are the claim's ReviewVerdict rows. The server reads them per claim
// with the rest of what a sign-off is judged on (lib/claims/sign-off.ts signOffFacts, for setClaimStatus); lists that
// offer sign-offs read them per person here (signOffBarredClaimIds, for Needs me). lib/needs/needs-me-four-eyes.int.test.ts
// checks Needs me against the server's own answer, claim by claim.
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL: the ids (one column, "claimId", no repeats) of claims that the four-eyes rule bars `userId` from signing off,
 * among those awaiting sign-off: the ones whose verdict they wrote (status Verdict proposed; Claim_own_proposals_idx)
 * and every claim they gave an independent review verdict on (ReviewVerdict_reviewerId_claimId_idx, whatever its
 * status: callers keep to Verdict proposed claims). Reads only that person's index entries, never a table of the desk,
 * so a list can use it in `NOT EXISTS` and a count can subtract it.
 */
export function signOffBarredClaimIds(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT own.id AS "claimId" FROM "Claim" own WHERE own.status = 'verdict_proposed' AND own."verdictById" = ${userId}
    UNION
    SELECT rv."claimId" FROM "ReviewVerdict" rv WHERE rv."reviewerId" = ${userId}`;
}
