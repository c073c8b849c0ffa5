import { STATUSES } from "@/lib/claims/verdicts";
import type { StatusCounts } from "@/components/claims/progress";

const BAR_COLOUR: Record<string, string> = {
  unreviewed: "bg-amber-400",
  in_review: "bg-sky-500",
  verdict_proposed: "bg-violet-500",
  disputed: "bg-rose-500",
  verified: "bg-emerald-600",
  not_check_worthy: "bg-stone-300",
};

/** A thin bar split by status, with the counts spelled out for screen readers and print. */
export function ProgressBar({ counts, showCounts = true }: { counts: StatusCounts; showCounts?: boolean }) {
  const total = STATUSES.reduce((sum, s) => sum + counts[s.key], 0);
  const done = counts.verified + counts.not_check_worthy;
  const summary = STATUSES.filter((s) => counts[s.key] > 0)
    .map((s) => `${counts[s.key]} ${s.label.toLowerCase()}`)
    .join(", ");
  return (
    <div data-testid="progress">
      <div
        role="img"
        aria-label={total ? `${done} of ${total} claims done: ${summary}` : "No claims yet"}
        className="flex h-2 w-full overflow-hidden rounded-full bg-stone-200"
      >
        {STATUSES.map((s) =>
          counts[s.key] > 0 ? (
            <span key={s.key} className={BAR_COLOUR[s.key]} style={{ width: `${(counts[s.key] / total) * 100}%` }} />
          ) : null,
        )}
      </div>
      {showCounts && <p className="mt-1 text-xs text-muted">{total === 0 ? "No claims yet" : `${done}/${total} done · ${summary}`}</p>}
    </div>
  );
}
