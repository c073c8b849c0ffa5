import { recordAudit } from "@/lib/audit/record-audit";
import { hitRateLimit } from "@/lib/api/rate-limit";
import { db, inTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { queuePasswordResetMail } from "@/lib/mail/messages";
import { appBaseUrl, looksLikeOneTimeToken, newOneTimeToken, oneTimeTokenHash } from "@/lib/onboarding/one-time-token";
import { endUserSessions } from "@/lib/sessions/sessions";
import { hashPassword } from "@/lib/users/passwords";
import type { TCompletePasswordReset } from "@/lib/validation/onboarding";

/** A reset link works for 30 minutes (issue #16), once. */
export const RESET_MINUTES = 30;
/** Reset requests a minute from one client address (all addresses asked for together). */
export const RESET_REQUESTS_PER_IP_PER_MINUTE = 5;
/** Reset mails a minute for one account: more requests are answered alike but send nothing. */
export const RESET_MAILS_PER_ACCOUNT_PER_MINUTE = 2;

/**
 * "Forgot password": when `email` belongs to an enabled account, makes a reset link (RESET_MINUTES, once) and
 * queues it by mail. The answer is the same whether or not the address exists, is disabled, or mail is off, so
 * it reveals nothing. Rate-limited per client address (`ip`).
 * @throws AppError 429 `too_many_requests` (Retry-After) past RESET_REQUESTS_PER_IP_PER_MINUTE from one address.
 */
export async function requestPasswordReset({ email, ip }: { email: string; ip: string }, now = new Date()): Promise<void> {
  const byIp = await hitRateLimit({ key: `reset-ip:${ip}`, limit: RESET_REQUESTS_PER_IP_PER_MINUTE, now });
  if (!byIp.allowed) {
    throw new AppError("too_many_requests", `Too many reset requests. Try again in ${byIp.retryAfterSeconds} seconds.`, undefined, {
      "Retry-After": String(byIp.retryAfterSeconds),
    });
  }
  const byAccount = await hitRateLimit({ key: `reset-email:${email}`, limit: RESET_MAILS_PER_ACCOUNT_PER_MINUTE, now });
  if (!byAccount.allowed) return;
  await inTransaction(db, async (tx) => {
    const user = await tx.user.findFirst({ where: { email, disabled: false }, select: { id: true } });
    if (!user) return;
    const token = newOneTimeToken();
    await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: oneTimeTokenHash(token), expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) },
    });
    await queuePasswordResetMail(tx, { to: email, url: `${appBaseUrl()}/reset-password?token=${token}` });
  });
}

export const RESET_REFUSED =
  "This reset link no longer works: it was used, it expired (links last 30 minutes), or it belongs to another address. Ask for a new one with “Forgot password”.";

/** Whether `token` is an unused, unexpired reset link (what the /reset-password page checks before its form). */
export async function resetLinkIsLive(token: string, now = new Date()): Promise<boolean> {
  if (!looksLikeOneTimeToken(token)) return false;
  const row = await db.passwordReset.findFirst({
    where: { tokenHash: oneTimeTokenHash(token), usedAt: null, expiresAt: { gt: now }, user: { disabled: false } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Uses a reset link: `email` must be its account's address. Sets the new password, uses up this and every other
 * open reset link of the account, ends all its sessions, and audits "account.password-reset-by-email" in each of
 * its teams. Returns `{ email }`.
 * @throws AppError 404 (RESET_REFUSED) for an unknown, used or expired link, another address or a disabled account.
 */
export async function completePasswordReset(input: TCompletePasswordReset, now = new Date()): Promise<{ email: string }> {
  if (!looksLikeOneTimeToken(input.token)) throw new AppError("not_found", RESET_REFUSED);
  const found = await db.passwordReset.findFirst({
    where: { tokenHash: oneTimeTokenHash(input.token), usedAt: null, expiresAt: { gt: now }, user: { disabled: false } },
    select: { id: true, user: { select: { id: true, email: true } } },
  });
  if (!found || found.user.email !== input.email) throw new AppError("not_found", RESET_REFUSED);
  const passwordHash = await hashPassword(input.password);
  const userId = found.user.id;
  return inTransaction(db, async (tx) => {
    const { count } = await tx.passwordReset.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) throw new AppError("not_found", RESET_REFUSED);
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endUserSessions(tx, { userId, now });
    const teams = await tx.membership.findMany({ where: { userId }, select: { teamId: true } });
    for (const { teamId } of teams) {
      await recordAudit(tx, { actorId: userId, teamId, entity: "account", entityId: userId, action: "account.password-reset-by-email" });
    }
    return { email: input.email };
  });
}
