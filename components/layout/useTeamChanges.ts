"use client";

import { useEffect, useRef } from "react";

type Listener = () => void;

// One EventSource per tab for every component that follows the team's changes: browsers allow only six
// HTTP/1.1 connections per origin, and the bell, Needs me and a live page each holding their own would eat them.
let source: EventSource | null = null;
const listeners = new Set<Listener>();
// Set once the server paused this tab's stream (the person has too many open): no new stream until a reload.
let paused = false;

/** Window event sent when the server paused this tab's team stream (too many open streams for the person). */
export const LIVE_PAUSED = "factdesk:live-paused";

/** True once this tab's team stream was paused by the server (see LIVE_PAUSED); a reload resumes it. */
export const isLivePaused = () => paused;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && !paused) {
    source = new EventSource("/api/v1/me/events");
    source.addEventListener("change", () => listeners.forEach((l) => l()));
    // The server ends the stream when the person's access changes (role, teams: lib/live/change-listener.ts
    // ACCESS_CHANNEL), before that transaction's own change goes out, and on restarts or network cuts; nothing said
    // meanwhile reaches this tab. A stream that opens again therefore counts as a change: the page reads afresh.
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) listeners.forEach((l) => l());
      opened = true;
    });
    // The server ends this stream next (PAUSED_EVENT in lib/live/event-stream.ts): reconnecting would close the
    // person's next oldest stream, round and round, so the tab stays closed and says so.
    source.addEventListener("paused", () => {
      source?.close();
      source = null;
      paused = true;
      window.dispatchEvent(new Event(LIVE_PAUSED));
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/** Window event a component sends after it changed the person's notifications itself (marked read). */
export const NOTIFICATIONS_CHANGED = "factdesk:notifications-changed";

/**
 * Calls `onChange` (at most once per `delayMs`, after the last burst) whenever something changes in the person's
 * teams, through the shared /api/v1/me/events stream, and when that stream opens again after it ended (their access
 * changed, a restart, a network cut: what changed meanwhile was told to no one); `alsoOn` names window events that
 * count as a change too.
 */
export function useTeamChanges(onChange: () => void, { delayMs = 300, alsoOn = [] as string[] } = {}): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const events = alsoOn.join(" ");
  useEffect(() => {
    let timer: number | undefined;
    const fire = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), delayMs);
    };
    const unsubscribe = subscribe(fire);
    const names = events ? events.split(" ") : [];
    names.forEach((name) => window.addEventListener(name, fire));
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      names.forEach((name) => window.removeEventListener(name, fire));
    };
  }, [delayMs, events]);
}
