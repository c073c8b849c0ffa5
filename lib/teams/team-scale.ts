import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { ratingByKey, readRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";

/**
 * The key, ordinal and label a new verdict `key` on claim `claimId` stores: the rating with that key on the claim's
 * team scale now (lib/teams/rating-scale.ts).
 * @throws AppError 422 `unprocessable` (field `verdict`) when the team's scale has no rating with that key (it was
 * removed, or never existed) or the claim is not found (the caller's access check refuses that case first).
 */
export async function verdictForClaim(
  client: DbClient,
  claimId: string,
  key: string,
): Promise<{ key: string; ordinal: number; label: string }> {
  const row = await client.claim.findUnique({
    where: { id: claimId },
    select: { article: { select: { team: { select: { ratingScale: true } } } } },
  });
  if (!row) throw notOnScale();
  return verdictOnScale(row.article.team.ratingScale, key);
}

const notOnScale = () => {
  const message = "That verdict is not on your team's rating scale (any more). Choose one from the list.";
  return new AppError("unprocessable", message, { verdict: [message] });
};

/**
 * The key, ordinal and label of verdict `key` on a team's stored rating scale (Team.ratingScale as read; the default
 * scale when unset). Pure. @throws AppError 422 `unprocessable` (field `verdict`) when the scale has no such rating.
 */
export function verdictOnScale(storedScale: unknown, key: string): { key: string; ordinal: number; label: string } {
  const rating = ratingByKey(readRatingScale(storedScale), key);
  if (!rating) throw notOnScale();
  return { key: rating.key, ordinal: rating.ordinal, label: rating.label };
}

/** The rating scale of team `teamId` (the default scale when the team is not found). Callers check access first. */
export async function getTeamRatingScale(client: DbClient, teamId: string): Promise<RatingEntry[]> {
  const team = await client.team.findUnique({ where: { id: teamId }, select: { ratingScale: true } });
  return readRatingScale(team?.ratingScale ?? null);
}
