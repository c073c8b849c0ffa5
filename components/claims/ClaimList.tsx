"use client";

import { useEffect, useRef, useState } from "react";
import { STATUSES, VERDICTS } from "@/lib/claims/verdicts";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { truncate } from "@/components/claims/format";
import { inputClass } from "@/components/ui/styles";

export type ClaimFilter = { status: string; verdict: string };

export function filterClaims(claims: ClaimSummary[], filter: ClaimFilter): ClaimSummary[] {
  return claims.filter(
    (c) =>
      (filter.status === "" || c.status === filter.status) &&
      (filter.verdict === "" || (filter.verdict === "none" ? c.verdict === null : c.verdict?.key === filter.verdict)),
  );
}

type Props = {
  claims: ClaimSummary[];
  filter: ClaimFilter;
  onFilter: (filter: ClaimFilter) => void;
  cursorId: string | null;
  onOpen: (id: string) => void;
  total: number;
};

// Long lists grow as the reader scrolls, so a thousand claims do not delay the first paint.
const PAGE = 60;

export function ClaimList({ claims, filter, onFilter, cursorId, onOpen, total }: Props) {
  const [shown, setShown] = useState(PAGE);
  const sentinel = useRef<HTMLLIElement>(null);
  const cursorIndex = claims.findIndex((c) => c.id === cursorId);
  const limit = Math.max(shown, cursorIndex + PAGE);
  useEffect(() => {
    const target = sentinel.current;
    if (!target) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [limit, claims.length]);

  return (
    <section aria-label="Claims" className="flex min-h-0 flex-col">
      <div className="grid grid-cols-2 gap-2 border-b border-rule p-3">
        <label className="text-xs text-muted">
          Status
          <select aria-label="Filter by status" className={inputClass} value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value })}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
          </select>
        </label>
        <label className="text-xs text-muted">
          Verdict
          <select aria-label="Filter by verdict" className={inputClass} value={filter.verdict} onChange={(e) => onFilter({ ...filter, verdict: e.target.value })}>
            <option value="">All verdicts</option>
            <option value="none">No verdict yet</option>
            {VERDICTS.map((v) => <option key={v.key} value={v.key}>{v.label}</option>)}
          </select>
        </label>
      </div>
      {total === 0 ? (
        <p className="p-4 text-sm text-muted">
          No claims yet. Select a sentence in the article and choose <strong>Add claim</strong> (or press <kbd>a</kbd>).
        </p>
      ) : claims.length === 0 ? (
        <p className="p-4 text-sm text-muted">No claims match these filters.</p>
      ) : (
        <ol className="divide-y divide-rule overflow-y-auto" data-testid="claim-list">
          {claims.slice(0, limit).map((claim) => (
            <li key={claim.id}>
              <button
                type="button"
                onClick={() => onOpen(claim.id)}
                aria-current={claim.id === cursorId ? "true" : undefined}
                className="block w-full px-3 py-2.5 text-left hover:bg-stone-50 aria-[current=true]:bg-sky-50"
                data-claim-id={claim.id}
              >
                <span className="block font-serif text-[0.95rem] leading-snug text-ink">“{truncate(claim.exact, 140)}”</span>
                <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <span className="hl rounded px-1.5" data-status={claim.status} data-verdict={claim.verdict?.key ?? undefined}>{claim.statusLabel}</span>
                  {claim.verdict && <span className="font-medium text-ink">{claim.verdict.label}</span>}
                  <span aria-label={`${claim.counts.evidence} evidence`}>📎 {claim.counts.evidence}</span>
                  <span aria-label={`${claim.counts.comments} comments`}>💬 {claim.counts.comments}</span>
                </span>
              </button>
            </li>
          ))}
          {claims.length > limit && (
            <li ref={sentinel} className="p-3 text-center text-xs text-muted">Loading more claims…</li>
          )}
        </ol>
      )}
    </section>
  );
}
