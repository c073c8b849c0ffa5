import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { releaseLoginAttempt, reserveLoginAttempt } from "@/lib/users/login-attempts";
import { verifyPassword } from "@/lib/users/passwords";

/**
 * Re-checks the signed-in person's own password before a sensitive change (new password,
 * turning two-factor off, new recovery codes). It goes through the sign-in limits like a
 * sign-in: the attempt is counted as a failure before the hash is checked (so parallel guesses
 * from a borrowed, unlocked browser get no more than the allowance), taken back when the
 * password is right, and while the account or address is locked no password is checked at all.
 * Input: the user, what they typed (`field` names the form field for the error), client address.
 * Output: the user's email. Throws AppError too_many_requests (locked, with Retry-After seconds),
 * unprocessable (wrong password, with a field error) or not_found (no such user).
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
  if (!(await checkPasswordWithinLimits({ email: user.email, passwordHash: user.passwordHash, password, ip }))) {
    const message = "That is not your current password.";
    throw new AppError("unprocessable", message, { [field]: [message] });
  }
  return { email: user.email };
}

/**
 * Checks `password` against an account's stored hash the way a sign-in does, so no form that takes an
 * existing account's password (re-confirming your own, joining a team by invitation) is a way around the
 * sign-in limits: while the account (`email`) or the address (`ip`) is locked no hash is checked; the
 * attempt is recorded as a failed sign-in before the check (lib/users/login-attempts.ts) and taken back
 * when the password is right.
 * Input: the account's normalised email and argon2id hash, what was typed, the client address.
 * Output: whether the password is right. Throws AppError too_many_requests (429, with the lock's message
 * and a Retry-After of seconds) while locked, and database errors.
 */
export async function checkPasswordWithinLimits({
  email,
  passwordHash,
  password,
  ip,
}: {
  email: string;
  passwordHash: string;
  password: string;
  ip: string;
}): Promise<boolean> {
  const attempt = await reserveLoginAttempt({ email, ip });
  if (attempt.locked)
    throw new AppError("too_many_requests", attempt.message, undefined, { "Retry-After": String(attempt.retryAfterSeconds) });
  if (!(await verifyPassword(passwordHash, password))) return false;
  await releaseLoginAttempt(attempt.attemptId);
  return true;
}
