import { db } from "@/lib/db";
import { apiTokenSelect, toApiTokenDto, type ApiTokenDto } from "@/lib/api-tokens/dto";

/**
 * The user's own tokens, newest first, revoked and expired ones included with their status at `now`; never the
 * secret or its hash. Never throws for a user without tokens (empty list).
 */
export async function listApiTokens({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: apiTokenSelect });
  return rows.map((row) => toApiTokenDto(row, now));
}
