import Link from "next/link";
import type { NeedsItem, NeedsKind } from "@/lib/needs/needs-me";
import { statusLabel, type StatusKey } from "@/lib/claims/verdicts";
import { VerdictBadge } from "@/components/claims/VerdictBadge";
import { truncateText } from "@/lib/text/graphemes";

const SECTIONS: Record<NeedsKind, { title: string; empty: string; detail: (item: NeedsItem) => string }> = {
  sign_off: { title: "Verdicts to sign off", empty: "No verdicts wait for you.", detail: (i) => i.detail ?? "Proposed by someone" },
  dispute: { title: "Disputes to settle", empty: "No disputes.", detail: () => "disputed" },
  overdue: { title: "Overdue", empty: "Nothing overdue.", detail: (i) => `was due ${i.detail}` },
  due_soon: { title: "Due soon", empty: "Nothing due in the next days.", detail: (i) => `due ${i.detail}` },
  reanchor: { title: "Claims to re-anchor", empty: "Every claim is in place.", detail: () => "its text changed; confirm where it is" },
  source: {
    title: "Sources that changed",
    empty: "Every archived source is as it was.",
    detail: (i) => `sources: ${i.detail ?? "changed"} since archived`,
  },
  assignment: {
    title: "Assigned to you",
    empty: "Nothing assigned to you.",
    detail: (i) => (i.detail ? `due ${i.detail}` : "no due date"),
  },
  reply: { title: "Replies to you", empty: "No replies waiting.", detail: (i) => `${i.detail ?? "Someone"} replied` },
};

/** Needs me, one section per kind in `kinds`, each item opening the claim in its article. */
export function NeedsList({
  kinds,
  items,
  counts,
}: {
  kinds: readonly NeedsKind[];
  items: NeedsItem[];
  counts: Partial<Record<NeedsKind, number>>;
}) {
  return (
    <div className="space-y-6">
      {kinds.map((kind) => {
        const section = SECTIONS[kind];
        const mine = items.filter((i) => i.kind === kind);
        const count = counts[kind] ?? 0;
        return (
          <section key={kind} aria-labelledby={`needs-${kind}`} data-testid={`needs-${kind}`}>
            <h2 id={`needs-${kind}`} className="mb-2 flex items-baseline gap-2 text-sm font-semibold uppercase tracking-wide text-muted">
              {section.title}
              <span className="tabular-nums">{count}</span>
              {count > mine.length && <span className="font-normal normal-case">(first {mine.length} shown)</span>}
            </h2>
            {mine.length === 0 ? (
              <p className="rounded-lg border border-dashed border-rule bg-white p-4 text-sm text-muted">{section.empty}</p>
            ) : (
              <ol
                className="divide-y divide-rule rounded-lg border border-rule bg-white"
                data-testid={kind === "assignment" ? "queue" : undefined}
              >
                {mine.map((item) => (
                  <li key={`${item.claimId}:${item.commentId ?? ""}`} className="flex items-start gap-4 p-3">
                    <div className="min-w-0 flex-1">
                      <Link href={item.href} className="font-serif text-ink hover:text-accent">
                        <span dir="auto">“{truncateText(item.exact, 160)}”</span>
                      </Link>
                      <p className="mt-1 text-xs text-muted">
                        {item.articleTitle} · {section.detail(item)}
                      </p>
                    </div>
                    <span className="flex shrink-0 flex-wrap items-center justify-end gap-1.5">
                      {item.verdict && <VerdictBadge verdict={item.verdict} />}
                      <span className="hl rounded px-1.5 text-xs" data-status={item.status}>
                        {statusLabel(item.status as StatusKey)}
                      </span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
