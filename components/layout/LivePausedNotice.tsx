"use client";

import { useSyncExternalStore } from "react";
import { isLivePaused, LIVE_PAUSED } from "@/components/layout/useTeamChanges";

const subscribe = (onChange: () => void) => {
  window.addEventListener(LIVE_PAUSED, onChange);
  return () => window.removeEventListener(LIVE_PAUSED, onChange);
};

/**
 * Says so when the server paused this tab's live updates (the person has more open streams than
 * MAX_STREAMS_PER_USER in lib/live/open-streams.ts): the bell and counts stop following changes until a reload.
 */
export function LivePausedNotice() {
  const paused = useSyncExternalStore(subscribe, isLivePaused, () => false);
  if (!paused) return null;
  return (
    <p role="status" className="border-b border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-900" data-testid="live-paused">
      Live updates paused: too many open tabs — reload to resume.
    </p>
  );
}
