import { db } from "@/lib/db";
import { config } from "@/lib/config";

export type LoginLock = { locked: false } | { locked: true; retryAfterSeconds: number; message: string };

/**
 * Failed sign-ins are counted in PostgreSQL, per account and per client address, over a
 * sliding window, so the limit holds however many app instances share the database.
 * A successful sign-in starts the account's count afresh.
 */
export async function checkLoginLock(email: string, ip: string, now = new Date()): Promise<LoginLock> {
  const { windowMinutes, perAccount, perIp } = config.loginLimit;
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess ? lastSuccess.createdAt : windowStart;
  const [accountUnlock, ipUnlock] = await Promise.all([
    unlockTime({ email, success: false, createdAt: { gt: accountSince } }, perAccount),
    unlockTime({ ip, success: false, createdAt: { gt: windowStart } }, perIp),
  ]);
  const unlockAt = Math.max(accountUnlock ?? 0, ipUnlock ?? 0);
  if (unlockAt <= now.getTime()) return { locked: false };
  const retryAfterSeconds = Math.ceil((unlockAt - now.getTime()) / 1000);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    locked: true,
    retryAfterSeconds,
    message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  };
}

/** When `limit` failures exist, the lock lifts as the oldest of the latest `limit` leaves the window. */
async function unlockTime(
  where: { email?: string; ip?: string; success: false; createdAt: { gt: Date } },
  limit: number,
): Promise<number | null> {
  const recent = await db.loginAttempt.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length < limit) return null;
  const oldest = recent[recent.length - 1]!.createdAt.getTime();
  return oldest + config.loginLimit.windowMinutes * 60_000;
}

/**
 * Stores one sign-in attempt (the normalised email, the client address as clientIp gives it, and whether it
 * succeeded), which checkLoginLock counts. Throws whatever the database throws.
 */
export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
