import AsyncLock from "async-lock";
import { priorityDb, inTransaction, readAll } from "@/lib/db";
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

export type LoginLock = { locked: false } | { locked: true; retryAfterSeconds: number; message: string };

/** A sign-in that may go ahead: its attempt is already recorded, as a failure until it succeeds. */
export type LoginReservation = Extract<LoginLock, { locked: true }> | { locked: false; attemptId: bigint };

type AttemptReader = Pick<Prisma.TransactionClient, "loginAttempt">;

// Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)): one per kind of key,
// so an account and an address can never share a lock.
const ACCOUNT_LOCK = 1;
const ADDRESS_LOCK = 2;

// Reservations on one account or address take turns in PostgreSQL; in this process they first
// take turns here, in memory, so a flood on one key holds one database connection rather than
// one per request while it waits (the pool has DATABASE_POOL_SIZE). Past 100 waiting on a key,
// or 10 s of waiting, further attempts are refused.
const turns = new AsyncLock({ maxPending: 100, timeout: 10_000 });
const busy = () =>
  new AppError("too_many_requests", "Too many sign-in attempts at once. Try again in a moment.", undefined, { "Retry-After": "5" });

/**
 * Failed sign-ins are counted in PostgreSQL, per account and per client address, over a
 * sliding window, so the limit holds however many app instances share the database.
 * A successful sign-in starts the account's count afresh. Read-only: sign-ins go through
 * reserveLoginAttempt, which checks and records in one step.
 * Input: the normalised email, the client address (lib/http/client-ip.ts), the time it is now.
 * Output: not locked, or locked with the seconds until it lifts and the message to show.
 */
export async function checkLoginLock(email: string, ip: string, now = new Date()): Promise<LoginLock> {
  return lockOf(priorityDb, email, ip, now);
}

/**
 * Checks the limits and records the attempt, as a failure, in one transaction, before any
 * password is looked at. Every reservation for the same account, and for the same address,
 * waits for the one before it to commit (transaction-scoped advisory locks), so it counts the
 * failures recorded before it: N parallel guesses get at most the remaining allowance, never N.
 * A locked answer records nothing. markLoginSucceeded turns the attempt into a success;
 * releaseLoginAttempt takes back one whose password was never checked.
 * Input: the normalised email, the client address, the time it is now.
 * Output: the attempt's id, or the lock (message "Too many failed sign-in attempts. Try again
 * in N minutes." and Retry-After seconds). Throws AppError too_many_requests (429) when too
 * many attempts on the same account or address are already waiting their turn here, and
 * database errors.
 */
export async function reserveLoginAttempt({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string;
  now?: Date;
}): Promise<LoginReservation> {
  let started = false;
  try {
    return await turns.acquire([`account:${email}`, `address:${ip}`], () => {
      started = true;
      return reserveNow(email, ip, now);
    });
  } catch (err) {
    throw started ? err : busy();
  }
}

async function reserveNow(email: string, ip: string, now: Date): Promise<LoginReservation> {
  return inTransaction(priorityDb, async (tx) => {
    // Always the account first, then the address: two reservations never wait on each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}))`;
    const lock = await lockOf(tx, email, ip, now);
    if (lock.locked) return lock;
    const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
    return { locked: false, attemptId: attempt.id };
  });
}

/** The reserved attempt's password (and whatever else sign-in checks) was right. */
export async function markLoginSucceeded(attemptId: bigint): Promise<void> {
  await priorityDb.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** The reserved attempt never reached a password check (e.g. a stale CSRF token): it does not count. */
export async function releaseLoginAttempt(attemptId: bigint): Promise<void> {
  await priorityDb.loginAttempt.deleteMany({ where: { id: attemptId, success: false } });
}

/** Records a finished attempt as it is (tests use it to prepare a history of attempts). */
export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await priorityDb.loginAttempt.create({ data: { email, ip, success } });
}

async function lockOf(client: AttemptReader, email: string, ip: string, now: Date): Promise<LoginLock> {
  const { windowMinutes, perAccount, perIp } = config.loginLimit;
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess ? lastSuccess.createdAt : windowStart;
  const [accountUnlock, ipUnlock] = await readAll(client, [
    () => unlockTime(client, { email, success: false, createdAt: { gt: accountSince } }, perAccount),
    () => unlockTime(client, { ip, success: false, createdAt: { gt: windowStart } }, perIp),
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
  client: AttemptReader,
  where: { email?: string; ip?: string; success: false; createdAt: { gt: Date } },
  limit: number,
): Promise<number | null> {
  const recent = await client.loginAttempt.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length < limit) return null;
  const oldest = recent[recent.length - 1]!.createdAt.getTime();
  return oldest + config.loginLimit.windowMinutes * 60_000;
}
