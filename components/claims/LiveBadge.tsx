import type { Viewer } from "@/lib/live/presence";
import type { LiveStatus } from "@/components/claims/useLiveUpdates";

const LABEL: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  paused: "Live updates paused: too many open tabs — reload to resume",
};
const DOT: Record<LiveStatus, string> = {
  connecting: "bg-stone-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500",
  paused: "bg-red-500",
};

/** Whether colleagues' changes are arriving, and who else has this article open. */
export function LiveBadge({ status, others }: { status: LiveStatus; others: Viewer[] }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="live-status">
      <span className="inline-flex items-center gap-1.5" role="status" aria-live="polite">
        <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[status]}`} />
        {LABEL[status]}
      </span>
      {others.length > 0 && <span data-testid="viewers">· Also here: {others.map((v) => v.name).join(", ")}</span>}
    </p>
  );
}
