"use client";

import { useEffect } from "react";

/** How often a visible tab checks its session (a GET, so the proxy re-issues the cookie when it is due). */
export const KEEP_ALIVE_MS = 5 * 60_000;
/** Coming back to a tab checks at once, unless it checked within this long. */
const ON_VISIBLE_AFTER_MS = 60_000;

/**
 * Keeps an open tab signed in while it is used only through server actions: actions never write cookies, and the
 * session cookie is re-issued only on GETs (lib/sessions/reissue-cookie.ts via proxy.ts), so such a tab would be
 * signed out SESSION_IDLE_SECONDS (12 h) after its last page load. While the tab is visible it GETs
 * /api/v1/me/session every KEEP_ALIVE_MS, and once when it becomes visible again (if it has not checked in the last
 * minute). A hidden tab makes no requests: someone away for 12 h is signed out, as the session rules intend.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const check = () => {
      if (document.visibilityState !== "visible") return;
      last = Date.now();
      // A failure (offline, signed out) is answered by the page's next action or load; nothing to do here.
      fetch("/api/v1/me/session", { cache: "no-store" }).catch(() => {});
    };
    const timer = window.setInterval(check, KEEP_ALIVE_MS);
    const onVisibility = () => {
      if (Date.now() - last >= ON_VISIBLE_AFTER_MS) check();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);
  return null;
}
