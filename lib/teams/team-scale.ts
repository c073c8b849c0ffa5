import type { DbClient } from "@/lib/db";
import { verdictByKey, type VerdictKey } from "@/lib/claims/verdicts";
import { labelFor, readRatingScale } from "@/lib/teams/rating-scale";

/**
 * The ordinal and the label a new verdict `key` on claim `claimId` stores: the ordinal of the scale and the
 * label the claim's team gives that rating now (its rating scale, lib/teams/rating-scale.ts). Falls back to
 * the default label when the claim is not found (the caller's access check refuses that case first).
 */
export async function verdictForClaim(client: DbClient, claimId: string, key: VerdictKey): Promise<{ ordinal: number; label: string }> {
  const row = await client.claim.findUnique({
    where: { id: claimId },
    select: { article: { select: { team: { select: { ratingScale: true } } } } },
  });
  const base = verdictByKey(key);
  return { ordinal: base.ordinal, label: row ? labelFor(readRatingScale(row.article.team.ratingScale), key) : base.label };
}
