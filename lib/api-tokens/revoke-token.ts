import { db, inTransaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";
import { apiTokenSelect, toApiTokenDto, type ApiTokenDto } from "@/lib/api-tokens/dto";

/**
 * Revokes one of the user's own tokens at once (the next request with it gets 401), audited as
 * "api_token.revoked" in the active team (not audited without one). Revoking an already revoked token answers
 * the token as it is, unchanged and not audited again. Returns the token as its owner sees it.
 * @throws AppError 404 `not_found` when the token does not exist or belongs to someone else.
 */
export async function revokeApiToken({
  userId,
  teamId,
  tokenId,
  now = new Date(),
}: {
  userId: string;
  teamId: string | null;
  tokenId: string;
  now?: Date;
}): Promise<ApiTokenDto> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId }, select: apiTokenSelect });
    if (!row) throw notFound("That token");
    if (count === 1 && teamId) {
      await recordAudit(tx, {
        actorId: userId,
        teamId,
        entity: "api_token",
        entityId: row.id,
        action: "api_token.revoked",
        before: { name: row.name, prefix: row.prefix, scope: row.scope },
      });
    }
    return toApiTokenDto(row, now);
  });
}
