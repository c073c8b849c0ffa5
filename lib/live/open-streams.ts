// Open event streams of this process. Next.js waits for open responses before it exits on
// SIGTERM, and an event stream never ends by itself, so shutdown closes them first;
// browsers then reconnect to another instance and catch up from Last-Event-ID.
import { AppError } from "@/lib/http/errors";

type Close = () => void;

const globalForStreams = globalThis as unknown as {
  factdeskOpenStreams?: Set<Close>;
  factdeskStreamsByOwner?: Map<string, Close[]>;
  factdeskShuttingDown?: boolean;
};
const openStreams = (globalForStreams.factdeskOpenStreams ??= new Set<Close>());

/**
 * True once this process received SIGTERM or SIGINT (closeStreamsOnShutdown): new streams are refused so
 * browsers go elsewhere.
 */
export const isShuttingDown = () => globalForStreams.factdeskShuttingDown === true;

/**
 * Route handlers call this before opening a stream: a stopping instance sends browsers elsewhere.
 * @throws AppError 503 `database_unavailable` ("This server is restarting") once shutdown began.
 */
export function refuseNewStreamsWhileShuttingDown(): void {
  if (isShuttingDown()) throw new AppError("database_unavailable", "This server is restarting; reconnect in a moment.");
}

/**
 * Event streams one user may hold open on one instance: two per browser tab (the article's and My queue's), so
 * sixteen tabs. Opening one more closes that user's oldest (a browser that still wants it reconnects), so nobody
 * piles up streams by the thousand (each one reads the database on every change of its article).
 */
export const MAX_STREAMS_PER_USER = 32;

const streamsByOwner = (globalForStreams.factdeskStreamsByOwner ??= new Map<string, Close[]>());

/**
 * Registers an open stream's `close` so shutdown can end it; returns the function that unregisters it (call it
 * when the stream ends by itself). With `owner` (the user's id), the owner's oldest streams beyond
 * MAX_STREAMS_PER_USER are ended now through their `evict` (default: `close`), which tells the browser why first so
 * it stops reconnecting (lib/live/event-stream.ts sends a `paused` event).
 */
export function trackStream(close: Close, owner?: string, evict: Close = close): () => void {
  openStreams.add(close);
  const mine = owner === undefined ? undefined : (streamsByOwner.get(owner) ?? []);
  if (owner !== undefined && mine) {
    streamsByOwner.set(owner, mine);
    mine.push(evict);
    while (mine.length > MAX_STREAMS_PER_USER) mine.shift()!();
  }
  return () => {
    openStreams.delete(close);
    if (owner === undefined || !mine) return;
    const at = mine.indexOf(evict);
    if (at >= 0) mine.splice(at, 1);
    if (mine.length === 0 && streamsByOwner.get(owner) === mine) streamsByOwner.delete(owner);
  };
}

function closeAllStreams(): void {
  globalForStreams.factdeskShuttingDown = true;
  for (const close of [...openStreams]) close();
}

/**
 * Called once at server start (instrumentation.ts): on the first SIGTERM or SIGINT, marks the process as shutting
 * down and closes every tracked stream, since Next.js waits for open responses before it exits.
 */
export function closeStreamsOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeAllStreams);
}
