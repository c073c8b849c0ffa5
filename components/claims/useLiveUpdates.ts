"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ActivityDTO } from "@/lib/audit/list-activity";
import type { Viewer } from "@/lib/live/presence";

/** "paused": the server closed this stream because the person has too many open (lib/live/event-stream.ts). */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused";

/**
 * Follows an article's server-sent events. The browser reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed; when the server refused outright
 * (e.g. 503 while the database restarts) we open a new stream from the last id seen. The status is
 * "reconnecting" while either link is down: the browser's stream, or the server's LISTEN connection
 * (`listener` events; the server replays what it missed once it is back). `onSuggestions` hears that the article's
 * suggestions' "checked before" answers changed. A `paused` event (the person's stream cap closed this one) stops
 * reconnecting for good: each reconnect would close their next oldest stream, round and round; a reload resumes.
 */
export function useLiveUpdates(
  articleId: string,
  startAfter: string,
  handlers: { onChange: (event: ActivityDTO) => void; onViewers: (viewers: Viewer[]) => void; onSuggestions?: () => void },
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const latest = useRef(handlers);
  // Updated after each commit rather than during render (React forbids writing refs while rendering).
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let lastId = startAfter;
    let source: EventSource | null = null;
    let retry: number | undefined;
    const open = () => {
      source = new EventSource(`/api/v1/articles/${encodeURIComponent(articleId)}/events?after=${lastId}`);
      source.onopen = () => setStatus("live");
      source.onerror = () => {
        setStatus("reconnecting");
        if (source?.readyState === EventSource.CLOSED) retry = window.setTimeout(open, 3000);
      };
      source.addEventListener("change", (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as ActivityDTO;
        lastId = event.id;
        latest.current.onChange(event);
      });
      // The server's own link to the database's notifications: down means changes are not arriving.
      source.addEventListener("listener", (message) => {
        const { state } = JSON.parse((message as MessageEvent<string>).data) as { state: "up" | "down" };
        setStatus(state === "up" ? "live" : "reconnecting");
      });
      // The "checked before" answers of the article's suggestions changed (a job answered, a verdict changed one).
      // The server ends this stream next (too many open for this person): stay closed instead of reconnecting.
      // The event name is PAUSED_EVENT in lib/live/event-stream.ts (server-only, so not imported here).
      source.addEventListener("paused", () => {
        source?.close();
        window.clearTimeout(retry);
        setStatus("paused");
      });
      source.addEventListener("suggestions", () => latest.current.onSuggestions?.());
      source.addEventListener("presence", (message) => {
        latest.current.onViewers(JSON.parse((message as MessageEvent<string>).data) as Viewer[]);
      });
    };
    open();
    return () => {
      window.clearTimeout(retry);
      source?.close();
    };
  }, [articleId, startAfter]);

  return status;
}
