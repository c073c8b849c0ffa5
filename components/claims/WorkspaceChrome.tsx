"use client";

import { useState, type ReactNode } from "react";
import type { Viewer } from "@/lib/live/presence";
import { Legend } from "@/components/claims/Legend";
import { LiveBadge } from "@/components/claims/LiveBadge";
import { ProgressBar } from "@/components/claims/ProgressBar";
import type { StatusCounts } from "@/components/claims/progress";
import type { LiveStatus } from "@/components/claims/useLiveUpdates";

type ToolbarProps = {
  counts: StatusCounts;
  live: { status: LiveStatus; others: Viewer[] };
  /** `unavailable`: the article's language by name when the suggestion detector cannot read it. */
  suggestions: { count: number; shown: boolean; onToggle: (shown: boolean) => void; unavailable?: string | null };
  onHelp: () => void;
  /** Starts the text caret (keyboard selection) over the article. */
  onCaret: () => void;
};

/** The thin bar above the text: progress, who is here, legend, suggestions toggle, shortcuts. */
export function ArticleToolbar({ counts, live, suggestions, onHelp, onCaret }: ToolbarProps) {
  return (
    <div className="sticky top-14 z-10 -mx-2 mb-6 border-b border-rule bg-paper px-2 py-2">
      <ProgressBar counts={counts} />
      <LiveBadge status={live.status} others={live.others} />
      <div className="mt-1 flex items-center justify-between">
        <Legend />
        <span className="flex gap-4">
          {suggestions.unavailable ? (
            <span className="text-xs text-muted" data-testid="suggestions-unavailable">
              Suggestions are not available in {suggestions.unavailable}: they read English only.
            </span>
          ) : (
            <label className="flex items-center gap-1.5 text-xs text-muted">
              <input type="checkbox" checked={suggestions.shown} onChange={(e) => suggestions.onToggle(e.target.checked)} />
              Suggestions ({suggestions.count})
            </label>
          )}
          <button type="button" onClick={onCaret} className="text-xs text-muted hover:text-accent">
            Select text <kbd>m</kbd>
          </button>
          <button type="button" onClick={onHelp} className="text-xs text-muted hover:text-accent">
            Shortcuts <kbd>?</kbd>
          </button>
        </span>
      </div>
    </div>
  );
}

/**
 * The sidebar's claim list or the article's activity. `hidden`: a claim's panel covers it (the workspace keeps it
 * mounted then); when it shows again it is on the claim list, whichever tab the reader left it on.
 */
export function SidebarTabs({
  claimsLabel,
  claims,
  activity,
  hidden = false,
}: {
  claimsLabel: string;
  claims: ReactNode;
  activity: ReactNode;
  hidden?: boolean;
}) {
  const [tab, setTab] = useState<"claims" | "activity">("claims");
  // Adjusted while rendering (React's pattern for state that follows a prop): back on the claim list when it shows again.
  const [wasHidden, setWasHidden] = useState(hidden);
  if (wasHidden !== hidden) {
    setWasHidden(hidden);
    if (!hidden && tab !== "claims") setTab("claims");
  }
  return (
    <>
      <div role="tablist" aria-label="Sidebar" className="flex border-b border-rule text-sm">
        {(["claims", "activity"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className="flex-1 px-3 py-2 text-muted aria-selected:border-b-2 aria-selected:border-accent aria-selected:font-medium aria-selected:text-ink"
          >
            {name === "claims" ? claimsLabel : "Activity"}
          </button>
        ))}
      </div>
      {tab === "claims" ? claims : activity}
    </>
  );
}
