"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { ActivityDTO } from "@/lib/audit/list-activity";
import type { Viewer } from "@/lib/live/presence";
import { useLiveUpdates } from "@/components/claims/useLiveUpdates";

type Options = {
  articleId: string;
  liveAfter: string;
  initialActivity: ActivityDTO[];
  meId: string;
  bodyRef: RefObject<HTMLElement | null>;
  /** Reloads claims; false when the server could not be reached. */
  reload: () => Promise<boolean>;
  /** Whether the page already shows this change: one of its own, applied from the action's answer (no reload then). */
  isApplied?: (event: ActivityDTO) => boolean;
  /** Resolves when the page's own actions have their answers (an event can arrive before its action's answer). */
  settled?: () => Promise<void>;
  /** The "checked before" answers of the article's suggestions changed: read them again. */
  onSuggestions?: () => void;
};

/**
 * Colleagues' changes, applied without disturbing the reader: highlights are redrawn in
 * place (the text itself never moves), and never while the reader is selecting text,
 * since redrawing would drop their selection; the update waits until they let go.
 */
export function useLiveArticle({
  articleId,
  liveAfter,
  initialActivity,
  meId,
  bodyRef,
  reload,
  isApplied,
  settled,
  onSuggestions,
}: Options) {
  const [activity, setActivity] = useState(initialActivity);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const reloadRef = useRef(reload);
  // Updated after each commit rather than during render (React forbids writing refs while rendering).
  const appliedRef = useRef({ isApplied, settled });
  useLayoutEffect(() => {
    reloadRef.current = reload;
    appliedRef.current = { isApplied, settled };
  });
  const pending = useRef(false);
  // Events since the last reload that the page may not show yet.
  const unseen = useRef<ActivityDTO[]>([]);
  const timer = useRef<number | undefined>(undefined);

  // Named, so the retry below can call itself without reading `flush` before it is assigned.
  const flush = useCallback(
    function flush() {
      if (!pending.current) return;
      const selection = window.getSelection();
      const selecting = selection !== null && !selection.isCollapsed && bodyRef.current?.contains(selection.anchorNode);
      if (selecting) return;
      pending.current = false;
      const { isApplied: applied, settled: answered } = appliedRef.current;
      void (answered?.() ?? Promise.resolve())
        .then(() => {
          const events = unseen.current;
          unseen.current = [];
          // Only the page's own changes, already applied from their answers: nothing to read.
          if (applied && events.length > 0 && events.every(applied)) return true;
          return reloadRef.current();
        })
        .then((ok) => {
          // The event is already consumed, so a failed reload must be retried, not forgotten.
          if (!ok) {
            pending.current = true;
            window.setTimeout(flush, 2000);
          }
        });
    },
    [bodyRef],
  );

  useEffect(() => {
    const onSelectionChange = () => pending.current && flush();
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [flush]);

  const status = useLiveUpdates(articleId, liveAfter, {
    onChange: (event) => {
      setActivity((list) => (list.some((e) => e.id === event.id) ? list : [event, ...list].slice(0, 100)));
      unseen.current.push(event);
      pending.current = true;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, 100); // one reload for a burst of changes
    },
    onViewers: setViewers,
    onSuggestions,
  });

  return { status, activity, others: viewers.filter((v) => v.id !== meId) };
}
