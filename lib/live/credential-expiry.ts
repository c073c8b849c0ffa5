// An event stream is authorised once, when it opens, and may then stay open for hours. A periodic re-check (every
// 15 or 60 s) closed it only some time after its session or token had expired, and meanwhile the stream went on
// telling the holder of an expired credential what their team changed. Every stream now knows the moment its
// credential ends and is closed then (lib/live/event-stream.ts).
import { AppError, unauthorized } from "@/lib/http/errors";
import { readCredentialExpiry } from "@/lib/sessions/sessions";
import type { SessionUser } from "@/lib/users/session-user";

/** Who reads a stream, and the credential they opened it with (a browser session's id or an API token's id). */
export type StreamReader = Pick<SessionUser, "id" | "sessionId" | "apiTokenId">;

/**
 * The longest single wait (24 h): Node fires a timer at once when its delay is over 2^31 − 1 ms (about 24.8 days),
 * and a token may live a year, so a far deadline is waited for a day at a time.
 */
export const MAX_TIMER_MS = 86_400_000;

/**
 * Milliseconds from `now` until `deadline` (both ms since the epoch; `deadline` may be Infinity), at least 0 and at
 * most MAX_TIMER_MS. Pure.
 */
export function delayUntil(deadline: number, now: number): number {
  return Math.min(Math.max(deadline - now, 0), MAX_TIMER_MS);
}

const deadlineOf = (expiresAt: Date | null) => (expiresAt ? expiresAt.getTime() : Infinity);

/**
 * The moment (ms since the epoch) a stream that `reader` opens at `now` must end at the latest: its session's idle
 * deadline or its API token's expiresAt; Infinity for a token that never expires.
 * @throws AppError 401 `unauthorized` when the credential no longer holds (signed out, revoked, expired, user
 * disabled) or the reader has none; database errors as they come.
 */
export async function streamDeadline(reader: StreamReader, now = new Date()): Promise<number> {
  const found = await readCredentialExpiry({ userId: reader.id, sessionId: reader.sessionId, apiTokenId: reader.apiTokenId }, now);
  if (!found.live) throw unauthorized();
  return deadlineOf(found.expiresAt);
}

/** A stream's watch on its credential's deadline (closeAtDeadline). */
export type DeadlineWatch = {
  /** True from the deadline on until a read finds the credential extended: the stream must send nothing then. */
  lapsed: () => boolean;
  /** Stops watching (the stream ended). */
  stop: () => void;
};

/**
 * Calls `expire` (the stream's close) when `reader`'s credential reaches `deadline` (ms since the epoch, from
 * streamDeadline). At the deadline the credential is read again: a session used meanwhile has moved its idle
 * deadline on, and the watch then waits for the new one; an expired, revoked or signed-out credential, or a read that
 * fails (the database away: the extension cannot be confirmed), ends the stream. `lapsed()` covers the moments
 * between the deadline and that read's answer. Output: the DeadlineWatch.
 */
export function closeAtDeadline({
  reader,
  deadline,
  expire,
}: {
  reader: StreamReader;
  deadline: number;
  expire: () => void;
}): DeadlineWatch {
  let current = deadline;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped || current === Infinity) return;
    timer = setTimeout(() => void check(), delayUntil(current, Date.now()));
    timer.unref();
  };
  const check = async () => {
    if (Date.now() < current) return arm(); // a far deadline, waited for a day at a time
    try {
      const next = await streamDeadline(reader);
      if (next > Date.now()) {
        current = next;
        return arm();
      }
    } catch (err) {
      if (!(err instanceof AppError && err.code === "unauthorized"))
        console.error("[live] could not re-read an expiring credential; ending its stream:", err instanceof Error ? err.message : err);
    }
    if (stopped) return;
    try {
      expire();
    } catch (err) {
      // Runs from a timer: an error in the stream's cleanup must not become an unhandled rejection.
      console.error("[live] ending a stream at its credential's expiry failed:", err instanceof Error ? err.message : err);
    }
  };
  arm();
  return {
    lapsed: () => Date.now() >= current,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
