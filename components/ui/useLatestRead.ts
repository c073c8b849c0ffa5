"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { readApi } from "@/components/ui/read-api";

/**
 * Reads of one GET route of /api/v1 where only the latest request counts (keys33). `read()` starts a read of `url`,
 * aborting the one under way, and hands its answer to `onAnswer` only if no read was started (and `supersede()` not
 * called) after it: answers that arrive out of order (a slow one after a fast later one) never put back older data.
 * `supersede()` drops the reads under way, for when newer data came another way (a write's own answer). `pick` takes
 * the part of the JSON answer wanted; keep it stable (a module-level function). Error answers and a lost network are
 * let go: the next change reads again. Reads under way are aborted when the component unmounts.
 */
export function useLatestRead<J, T>(url: string, pick: (json: J) => T, onAnswer: (data: T) => void) {
  const latest = useRef<{ sent: number; controller: AbortController | null }>({ sent: 0, controller: null });
  const answer = useRef(onAnswer);
  // Updated after each commit rather than during render (React forbids writing refs while rendering).
  useLayoutEffect(() => {
    answer.current = onAnswer;
  });
  const supersede = useCallback(() => {
    latest.current.controller?.abort();
    latest.current.controller = null;
    latest.current.sent++;
  }, []);
  useEffect(() => supersede, [supersede]);
  const read = useCallback(() => {
    supersede();
    const controller = new AbortController();
    const request = latest.current.sent;
    latest.current.controller = controller;
    readApi(url, pick, { signal: controller.signal })
      .then(
        (result) => result.ok && request === latest.current.sent && answer.current(result.data),
        () => {}, // Aborted for a newer read, or offline.
      )
      .finally(() => {
        if (latest.current.controller === controller) latest.current.controller = null;
      });
  }, [url, pick, supersede]);
  return useMemo(() => ({ read, supersede }), [read, supersede]);
}
