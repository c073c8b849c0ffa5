import { db, inTransaction, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { createTeamWithAdmin, realAdminExists } from "@/lib/onboarding/first-admin";
import { appBaseUrl, looksLikeOneTimeToken, newOneTimeToken, oneTimeTokenHash } from "@/lib/onboarding/one-time-token";
import { hashPassword } from "@/lib/users/passwords";
import type { TCompleteSetup } from "@/lib/validation/onboarding";

/** How long a setup link works: 24 hours (issue #16). */
export const SETUP_LINK_HOURS = 24;

// Serialises setup-link writes across app instances (the seed uses 7201).
const SETUP_LOCK = 7202;

/**
 * When no admin exists outside the demo desk: a new one-time setup link (`${NEXTAUTH_URL}/setup?token=…`,
 * valid SETUP_LINK_HOURS or until used), with every earlier unused link ended, so only the link printed last
 * works. Returns null (and makes nothing) once a real admin exists. Only the token's SHA-256 is stored.
 */
export async function createSetupLink({
  client = db,
  baseUrl = appBaseUrl(),
  now = new Date(),
}: { client?: DbClient; baseUrl?: string; now?: Date } = {}): Promise<{ url: string; expiresAt: Date } | null> {
  return inTransaction(client, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await realAdminExists(tx)) return null;
    await tx.setupToken.updateMany({ where: { usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const token = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000);
    await tx.setupToken.create({ data: { tokenHash: oneTimeTokenHash(token), expiresAt } });
    return { url: `${baseUrl.replace(/\/+$/, "")}/setup?token=${token}`, expiresAt };
  });
}

export const SETUP_LINK_REFUSED =
  "This setup link no longer works: it was used, it expired, or Factdesk already has an admin. An admin can invite you; or restart Factdesk for a new link while no admin exists.";

/**
 * Whether `token` is a live setup link (unused, unexpired) while no admin exists outside the demo desk: what the
 * /setup page checks before showing its form. Never throws for a bad token (false).
 */
export async function setupLinkIsLive(token: string, now = new Date()): Promise<boolean> {
  if (!looksLikeOneTimeToken(token)) return false;
  const row = await db.setupToken.findFirst({
    where: { tokenHash: oneTimeTokenHash(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null && !(await inTransaction(db, (tx) => realAdminExists(tx)));
}

/**
 * Uses a setup link: creates the first admin (`email`, `name`, `password`) and the newsroom's first team
 * (`teamName`), marks the link used, all in one transaction under the setup lock (two tabs racing get one
 * admin). Returns the new user's email and the team id.
 * @throws AppError 404 `not_found` (SETUP_LINK_REFUSED) when the token is unknown, used or expired, or an admin
 * already exists outside the demo desk; 409 when the address belongs to a disabled account.
 */
export async function completeSetup(input: TCompleteSetup, now = new Date()) {
  if (!looksLikeOneTimeToken(input.token)) throw new AppError("not_found", SETUP_LINK_REFUSED);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    const link = await tx.setupToken.findFirst({
      where: { tokenHash: oneTimeTokenHash(input.token), usedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (!link || (await realAdminExists(tx))) throw new AppError("not_found", SETUP_LINK_REFUSED);
    await tx.setupToken.update({ where: { id: link.id }, data: { usedAt: now } });
    const made = await createTeamWithAdmin(tx, { ...input, passwordHash, via: "setup-link" });
    if (!made.created) throw new AppError("conflict", "That address already has an account: sign in with it, or use another address.");
    return { email: input.email, teamId: made.teamId };
  });
}
