import { closeAtDeadline, streamDeadline, type StreamReader } from "@/lib/live/credential-expiry";
import { refuseNewStreamsWhileShuttingDown, trackStream } from "@/lib/live/open-streams";

const HEARTBEAT_MS = 15_000;

/**
 * The event a stream closed by the per-person cap (MAX_STREAMS_PER_USER) gets just before it ends: the browser
 * stops reconnecting (each reconnect would close the person's next oldest stream, round and round) and says why.
 */
export const PAUSED_EVENT = "paused";
/** The `paused` event's data: why the stream ended. */
export type PausedData = { reason: "too_many_streams" };

export type StreamControls = { send: (text: string) => void; close: () => void };
type Setup = (controls: StreamControls) => { onHeartbeat?: () => void | Promise<void>; cleanup: () => void };

/**
 * The plumbing every server-sent event stream shares: writes that stop once the client is
 * gone, a heartbeat comment every 15 s (so proxies keep the connection), a reconnect delay of 2 s for the
 * browser, closing on client abort (`signal`) and on server shutdown, and cleanup exactly once. `setup` gets
 * `send` (raw SSE text) and `close`, and returns `cleanup` and an optional `onHeartbeat`. `reader`: who reads it and
 * with which credential (session or API token). The stream ends no later than that credential's expiry
 * (lib/live/credential-expiry.ts: a session used meanwhile keeps it open), and nothing is sent past it; the browser
 * then reconnects and is checked afresh. One person's streams are capped (lib/live/open-streams.ts
 * MAX_STREAMS_PER_USER); a stream closed by that cap first gets a `paused` event (PAUSED_EVENT) so the browser stops
 * reconnecting. Resolves to the Response with the text/event-stream headers (no caching, no proxy buffering).
 * @throws AppError 401 `unauthorized` when the reader's credential no longer holds as the stream opens; 503
 * `database_unavailable` when this process began shutting down meanwhile.
 */
export async function eventStream(signal: AbortSignal, setup: Setup, { reader }: { reader: StreamReader }): Promise<Response> {
  const deadline = await streamDeadline(reader);
  // Shutdown may have begun (and closed every open stream) while the credential was read: a stream registered
  // now would hold the stopping process open until its deadline.
  refuseNewStreamsWhileShuttingDown();
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let cleanup = () => {};
      // Closed at the credential's expiry; between the deadline and the timer's re-read, a send closes it instead.
      const expiry = closeAtDeadline({ reader, deadline, expire: () => close() });
      const send = (text: string) => {
        if (closed) return;
        if (expiry.lapsed()) return close();
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      function close() {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      stop = () => {
        if (closed) return; // closed already (cleanup ran); the client's cancel comes after
        closed = true;
        cleanup();
      };
      send("retry: 2000\n\n");
      const handlers = setup({ send, close });
      const heartbeat = setInterval(() => {
        send(": heartbeat\n\n");
        void handlers.onHeartbeat?.();
      }, HEARTBEAT_MS);
      const paused: PausedData = { reason: "too_many_streams" };
      const untrack = trackStream(close, reader.id, () => {
        send(`event: ${PAUSED_EVENT}\ndata: ${JSON.stringify(paused)}\n\n`);
        close();
      });
      cleanup = () => {
        expiry.stop();
        clearInterval(heartbeat);
        untrack();
        handlers.cleanup();
      };
      // Closed while it was being set up (its credential lapsed that moment, the client went): clean up now.
      if (closed) return cleanup();
      signal.addEventListener("abort", close);
      if (signal.aborted) close();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
