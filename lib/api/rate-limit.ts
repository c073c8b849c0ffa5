import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

const WINDOW_MS = 60_000;
/** Windows this old are finished for everyone; deleting them keeps the table small. */
const KEEP_MS = 2 * WINDOW_MS;

export type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * The start of the fixed one-minute rate-limit window `now` falls in: `now` rounded down to a whole minute
 * of the Unix epoch (UTC). Pure.
 */
export function windowStartOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/**
 * Counts one request against `key` (e.g. "token:<id>") in a fixed one-minute window kept in PostgreSQL, so every
 * app instance shares the count. One statement per request; the upsert is atomic, so parallel
 * requests each get their own count. A limit of 0 (or less) turns limiting off for that kind of caller and
 * counts nothing. Returns whether this request is within `limit` requests per minute, the count so far, and
 * `retryAfterSeconds` (1..60) until the window ends.
 */
export async function hitRateLimit({ key, limit, now = new Date() }: { key: string; limit: number; now?: Date }): Promise<RateLimitResult> {
  if (limit <= 0) return { allowed: true, count: 0, limit, retryAfterSeconds: 0 };
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("key", "windowStart", "count") VALUES (${key}, ${windowStartOf(now)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  return countedRequest(Number(rows[0]?.count ?? 1), limit, now);
}

/**
 * The result for a request already counted (as the `count`-th of its key's window at `now`; by hitRateLimit, or by a
 * statement that counts it together with other work, like the API token lookup). The first request of a key's
 * window also clears finished windows: at most one delete per key a minute. Returns the RateLimitResult.
 */
export async function countedRequest(count: number, limit: number, now: Date): Promise<RateLimitResult> {
  if (count === 1) await deleteOldWindows(now);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStartOf(now).getTime() + WINDOW_MS - now.getTime()) / 1000));
  return { allowed: count <= limit, count, limit, retryAfterSeconds };
}

/**
 * Deletes rate-limit windows that started more than two minutes before `now` (finished for everyone) and
 * returns how many rows went.
 */
export async function deleteOldWindows(now = new Date()): Promise<number> {
  return db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - KEEP_MS) } } }).then((r) => r.count);
}

/**
 * Counts the request (hitRateLimit) and returns when `key` is within `limit` requests this minute. `who`
 * names the caller in the message ("one token").
 * @throws AppError 429 `too_many_requests` with a Retry-After header (seconds until the window ends) when over the limit.
 */
export async function enforceRateLimit(key: string, limit: number, who: string): Promise<void> {
  refuseOverLimit(await hitRateLimit({ key, limit }), who);
}

/**
 * Returns when `result` is within its limit (or limiting is off). `who` names the caller in the message ("one token").
 * @throws AppError 429 `too_many_requests` with a Retry-After header (seconds until the window ends) when over the limit.
 */
export function refuseOverLimit(result: RateLimitResult, who: string): void {
  if (result.allowed) return;
  const limit = result.limit;
  throw new AppError(
    "too_many_requests",
    `Too many requests: ${who} may make ${limit} API requests a minute. Try again in ${result.retryAfterSeconds} seconds.`,
    undefined,
    { "Retry-After": String(result.retryAfterSeconds) },
  );
}
