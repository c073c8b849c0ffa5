// Open event streams of this process. Next.js waits for open responses before it exits on
// SIGTERM, and an event stream never ends by itself, so shutdown closes them first;
// browsers then reconnect to another instance and catch up from Last-Event-ID.
import { AppError } from "@/lib/http/errors";

type Close = () => void;

const globalForStreams = globalThis as unknown as { factdeskOpenStreams?: Set<Close>; factdeskShuttingDown?: boolean };
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
 * Registers an open stream's `close` so shutdown can end it; returns the function that unregisters it (call it
 * when the stream ends by itself).
 */
export function trackStream(close: Close): () => void {
  openStreams.add(close);
  return () => openStreams.delete(close);
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
