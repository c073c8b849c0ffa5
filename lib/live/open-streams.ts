// Open event streams of this process. Next.js waits for open responses before it exits on
// SIGTERM, and an event stream never ends by itself, so shutdown closes them first;
// browsers then reconnect to another instance and catch up from Last-Event-ID.
import { AppError } from "@/lib/http/errors";

type Close = () => void;

const globalForStreams = globalThis as unknown as { factdeskOpenStreams?: Set<Close>; factdeskShuttingDown?: boolean };
const openStreams = (globalForStreams.factdeskOpenStreams ??= new Set<Close>());

/** True once this instance is stopping: new streams are refused so browsers go elsewhere. */
export const isShuttingDown = () => globalForStreams.factdeskShuttingDown === true;

/** Route handlers call this before opening a stream: a stopping instance sends browsers elsewhere. */
export function refuseNewStreamsWhileShuttingDown(): void {
  if (isShuttingDown()) throw new AppError("database_unavailable", "This server is restarting; reconnect in a moment.");
}

export function trackStream(close: Close): () => void {
  openStreams.add(close);
  return () => openStreams.delete(close);
}

function closeAllStreams(): void {
  globalForStreams.factdeskShuttingDown = true;
  for (const close of [...openStreams]) close();
}

/** Called once at server start (instrumentation.ts). */
export function closeStreamsOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeAllStreams);
}
