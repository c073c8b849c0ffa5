import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { checkLoginLock, recordLoginAttempt } from "@/lib/users/login-attempts";
import { verifyPassword } from "@/lib/users/passwords";

/**
 * Re-checks the signed-in person's own password before a sensitive change (new password,
 * turning two-factor off, new recovery codes). A wrong one counts as a failed sign-in for the
 * account and the address, so a borrowed, unlocked browser cannot be used to guess it; while
 * the account is locked no password is checked at all.
 * Input: the user, what they typed (`field` names the form field for the error), client address.
 * Output: the user's email. Throws AppError too_many_requests (locked), unprocessable (wrong
 * password, with a field error) or not_found (no such user).
 */
export async function confirmOwnPassword({
  userId,
  password,
  ip,
  field = "currentPassword",
}: {
  userId: string;
  password: string;
  ip: string;
  field?: string;
}): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw notFound("Your account");
  const lock = await checkLoginLock(user.email, ip);
  if (lock.locked) throw new AppError("too_many_requests", lock.message, undefined, { "Retry-After": String(lock.retryAfterSeconds) });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordLoginAttempt(user.email, ip, false);
    const message = "That is not your current password.";
    throw new AppError("unprocessable", message, { [field]: [message] });
  }
  return { email: user.email };
}
