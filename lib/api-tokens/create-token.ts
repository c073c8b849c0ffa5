import { db, inTransaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import type { TCreateApiToken, TokenExpiry } from "@/lib/validation/api-tokens";
import { apiTokenSelect, toApiTokenDto, type ApiTokenDto } from "@/lib/api-tokens/dto";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/api-tokens/secret";

const DAY_MS = 86_400_000;
const EXPIRY_DAYS: Record<TokenExpiry, number | null> = { "7d": 7, "30d": 30, "90d": 90, "1y": 365, never: null };
/** Enough for any number of scripts; stops a runaway loop from minting tokens forever. */
export const MAX_ACTIVE_TOKENS = 50;

/**
 * When a token created at `now` with the chosen lifetime expires: `now` + 7, 30, 90 or 365 days of 24 h
 * (86,400,000 ms each, not calendar months), or null for "never". Pure.
 */
export function expiryDate(expiresIn: TokenExpiry, now: Date): Date | null {
  const days = EXPIRY_DAYS[expiresIn];
  return days === null ? null : new Date(now.getTime() + days * DAY_MS);
}

/**
 * Creates a personal API token (name, scope read or read-write, lifetime; checked by ZCreateApiToken). The
 * secret (`fdk_` + 43 base64url characters) is returned once, here, and only its SHA-256 is stored; `token` is
 * what the token list shows. The audit row goes to the user's active team; a user in no team can create a token
 * (it can do nothing until they join one) and the event is not audited, as audit rows belong to a team.
 * @throws AppError 422 `unprocessable` when the user already has MAX_ACTIVE_TOKENS (50) tokens that are
 * neither revoked nor expired.
 */
export async function createApiToken({
  userId,
  teamId,
  input,
  now = new Date(),
}: {
  userId: string;
  teamId: string | null;
  input: TCreateApiToken;
  now?: Date;
}): Promise<{ token: ApiTokenDto; secret: string }> {
  const secret = generateTokenSecret();
  const token = await inTransaction(db, async (tx) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("unprocessable", `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke the ones you no longer use first.`);
    }
    const row = await tx.apiToken.create({
      data: {
        userId,
        name: input.name,
        scope: input.scope,
        prefix: displayPrefix(secret),
        tokenHash: hashTokenSecret(secret),
        expiresAt: expiryDate(input.expiresIn, now),
        createdAt: now,
      },
      select: apiTokenSelect,
    });
    if (teamId) {
      await recordAudit(tx, {
        actorId: userId,
        teamId,
        entity: "api_token",
        entityId: row.id,
        action: "api_token.created",
        after: { name: row.name, prefix: row.prefix, scope: row.scope, expiresAt: row.expiresAt?.toISOString() ?? null },
      });
    }
    return row;
  });
  return { token: toApiTokenDto(token, now), secret };
}
