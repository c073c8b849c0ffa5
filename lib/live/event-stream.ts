import { trackStream } from "@/lib/live/open-streams";

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
 * `send` (raw SSE text) and `close`, and returns `cleanup` and an optional `onHeartbeat`. `owner`: the reader's user
 * id, so one person's streams are capped (lib/live/open-streams.ts MAX_STREAMS_PER_USER); a stream closed by that
 * cap first gets a `paused` event (PAUSED_EVENT) so the browser stops reconnecting. Returns the Response
 * with the text/event-stream headers (no caching, no proxy buffering).
 */
export function eventStream(signal: AbortSignal, setup: Setup, { owner }: { owner?: string } = {}): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let cleanup = () => {};
      const send = (text: string) => {
        if (closed) return;
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
      const untrack = trackStream(close, owner, () => {
        send(`event: ${PAUSED_EVENT}\ndata: ${JSON.stringify(paused)}\n\n`);
        close();
      });
      cleanup = () => {
        clearInterval(heartbeat);
        untrack();
        handlers.cleanup();
      };
      signal.addEventListener("abort", close);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
