import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { listQueue } from "@/lib/claims/assignments";
import { statusLabel, type StatusKey } from "@/lib/claims/verdicts";
import { truncateText } from "@/lib/text/graphemes";
import { LiveRefresh } from "@/components/layout/LiveRefresh";

export const metadata: Metadata = { title: "My queue" };

// Due dates are days in the team's time zone; listQueue says whether that day has passed there.
function dueLabel(dueAt: string | null, overdue: boolean): { text: string; overdue: boolean } {
  if (!dueAt) return { text: "No due date", overdue: false };
  return { text: `${overdue ? "Overdue: " : "Due "}${dueAt}`, overdue };
}

export default async function QueuePage() {
  const user = await requireUser();
  const queue = await listQueue({ userId: user.id });
  return (
    <div className="mx-auto max-w-4xl">
      <LiveRefresh />
      <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
      <p className="mb-6 text-sm text-muted">Claims assigned to you across your teams, due soonest first.</p>
      {queue.length === 0 ? (
        <div className="rounded-lg border border-dashed border-rule bg-white p-10 text-center text-muted">
          Nothing assigned to you right now.
        </div>
      ) : (
        <ol className="divide-y divide-rule rounded-lg border border-rule bg-white" data-testid="queue">
          {queue.map((item) => {
            const due = dueLabel(item.dueAt, item.overdue);
            return (
              <li key={item.claimId} className="flex items-start gap-4 p-4">
                <div className="min-w-0 flex-1">
                  <Link href={`/articles/${item.article.id}?claim=${item.claimId}`} className="font-serif text-ink hover:text-accent">
                    <span dir="auto">“{truncateText(item.exact, 160)}”</span>
                  </Link>
                  <p className="mt-1 text-xs text-muted">
                    {item.article.title} · assigned by {item.assignedBy}
                  </p>
                </div>
                <div className="shrink-0 text-right text-xs">
                  <span className="hl rounded px-1.5" data-status={item.status}>
                    {statusLabel(item.status as StatusKey)}
                  </span>
                  <p className={`mt-1 ${due.overdue ? "font-medium text-red-700" : "text-muted"}`}>{due.text}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
