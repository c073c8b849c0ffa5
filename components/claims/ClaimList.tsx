"use client";

import { memo, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { STATUSES } from "@/lib/claims/verdicts";
import { useRatingScale } from "@/components/claims/RatingScale";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { inputClass } from "@/components/ui/styles";
import { useDraftClaims } from "@/components/claims/drafts";
import { activeClaimFilters, NO_CLAIM_FILTER, type ClaimFilter } from "@/lib/claims/claim-filter";
import type { StatusKey } from "@/lib/claims/verdicts";
import { tagKey, type TagDTO } from "@/lib/tags/tag-rules";
import { showEarlier, showMore, shownRange, type ClaimWindow } from "@/components/claims/claim-window";
import { useCursorWindow } from "@/components/claims/use-cursor-window";
import { ClaimGroup, WindowButton } from "@/components/claims/ClaimGroup";
import { claimListSections } from "@/components/claims/claim-order";
import { ClaimRow } from "@/components/claims/ClaimRow";
import { useSettledRows } from "@/components/claims/settled-rows";
import { useWindowFocus } from "@/components/claims/window-focus";
import { scrollParent } from "@/components/claims/scroll-parent";

type Props = {
  claims: ClaimSummary[];
  filter: ClaimFilter;
  onFilter: (filter: ClaimFilter) => void;
  cursorId: string | null;
  onOpen: (id: string) => void;
  total: number;
  /** Claims of the article not loaded yet (the workspace loads them after the first screen). */
  loading?: number;
  /** Whose drafts to mark ("draft" beside a claim with unsent text). */
  meId: string;
  /** Members to filter by assignee. */
  members: { id: string; name: string }[];
  /** Tags to filter by (those on this article's claims). */
  tags: TagDTO[];
  /** The PDF page a body offset is on (articles imported from a PDF), shown beside each claim in the text. */
  pageOf?: (offset: number) => number | null;
  /**
   * A claim's panel covers the list (the workspace keeps it mounted, hidden): it does not render while hidden, and
   * renders once with the latest props when it shows again.
   */
  hidden?: boolean;
  /** Suggestions underlined in the text now (0 while they are hidden): the empty list says how to open them. */
  suggestionCount?: number;
  /** Opens the first suggestion in the text (a keyboard way in besides their own Tab stop). */
  onOpenSuggestion?: () => void;
  /**
   * The reader may add claims and accept or dismiss suggestions (WRITE_ROLES in lib/access/roles.ts, the rule the
   * server applies): the empty list offers only what they may do.
   */
  canEdit: boolean;
};

// Memoised on this: while hidden nothing is drawn, so moving the cursor or changing claims waits until it shows
// (the cursor moving far down would otherwise mount hundreds of hidden rows while a claim opens).
const unchangedOrHidden = (before: Props, after: Props) =>
  after.hidden === true ||
  ((Object.keys(after) as (keyof Props)[]).every((key) => Object.is(before[key], after[key])) &&
    Object.keys(before).length === Object.keys(after).length);

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * The article's claims in text order (those the text no longer holds first, in their own groups), with their filters.
 * Memoised (unchangedOrHidden): the workspace re-renders on every change of the open claim, and the list renders
 * again only when what it shows changes and it is not hidden.
 */
export const ClaimList = memo(function ClaimList({
  claims: all,
  filter,
  onFilter,
  cursorId,
  onOpen,
  total,
  loading = 0,
  meId,
  members,
  tags,
  pageOf,
  suggestionCount = 0,
  onOpenSuggestion,
  canEdit,
}: Props) {
  // The rows rendered: a bounded window (components/claims/claim-window.ts), around the cursor when it is elsewhere.
  // Kept with the cursor it was made for: the window follows the cursor when it moves, not when the reader scrolls
  // the cursor's row out of it.
  const drafts = useDraftClaims(meId);
  // Claims the text no longer holds come first, in their own groups; the rest in text order. The order j/k walk too
  // (components/claims/claim-order.ts).
  const { needsReview, orphaned, inText: claims } = useMemo(() => claimListSections(all), [all]);
  const { from, to, keep } = useCursorWindow(claims, cursorId);

  const list = useRef<HTMLOListElement>(null);
  const top = useRef<HTMLLIElement>(null);
  const bottom = useRef<HTMLLIElement>(null);
  // The row the reader sees first as the window grows, and where it was: put back there after rows come or go above.
  const anchor = useRef<{ id: string; top: number } | null>(null);
  // Before the layout effect below: it measures the rows, which must not be skipped then.
  useSettledRows(list, from, to, claims.length);
  const beforeGrow = useWindowFocus(list, claims);
  const grow = (next: ClaimWindow) => {
    if (next.from === from && next.to === to) return;
    anchor.current = firstRowInView(list.current);
    beforeGrow({ from, to }, next, top.current, bottom.current);
    keep(next);
  };
  const growRef = useRef(grow);
  useEffect(() => {
    growRef.current = grow;
  });
  useLayoutEffect(() => {
    const before = anchor.current;
    anchor.current = null;
    const row = before && list.current?.querySelector(`[data-claim-id="${CSS.escape(before.id)}"]`);
    if (!before || !row) return;
    const moved = row.getBoundingClientRect().top - before.top;
    const box = scrollParent(row);
    if (Math.abs(moved) >= 1) {
      if (box) box.scrollTop += moved;
      else window.scrollBy(0, moved);
    }
  }, [from, to]);
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        // A focused button there is the keyboard reader's to press: focusing it scrolled it into view, and growing
        // the list for them could take it away just before their Enter (the last page came).
        if (!e.isIntersecting || e.target.contains(document.activeElement)) continue;
        growRef.current(e.target === top.current ? showEarlier({ from, to }) : showMore({ from, to }, claims.length));
        return;
      }
    });
    if (top.current) observer.observe(top.current);
    if (bottom.current) observer.observe(bottom.current);
    return () => observer.disconnect();
  }, [from, to, claims.length]);
  // Screen readers hear each row's place in the whole list when only part of it is rendered.
  const partial = from > 0 || to < claims.length;

  return (
    <section aria-label="Claims" className="flex min-h-0 flex-col">
      <ClaimFilters filter={filter} onFilter={onFilter} members={members} tags={tags} shown={all.length} total={total} />
      {loading > 0 && all.length === 0 && (
        <p className="p-4 text-sm text-muted" role="status">
          Loading {count(loading)} more claims…
        </p>
      )}
      {total === 0 ? (
        <EmptyClaims suggestionCount={suggestionCount} onOpenSuggestion={onOpenSuggestion} canEdit={canEdit} />
      ) : all.length === 0 ? (
        loading > 0 ? null : (
          <p className="p-4 text-sm text-muted">No claims match these filters.</p>
        )
      ) : (
        <div className="overflow-y-auto">
          {needsReview.length > 0 && (
            <ClaimGroup
              title={`Needs re-anchoring (${needsReview.length})`}
              noun="claims needing re-anchoring"
              tone="amber"
              testId="claims-needs-reanchoring"
              claims={needsReview}
              cursorId={cursorId}
              onOpen={onOpen}
              drafts={drafts}
            />
          )}
          {orphaned.length > 0 && (
            <ClaimGroup
              title={`Orphaned (${orphaned.length})`}
              noun="orphaned claims"
              tone="stone"
              testId="claims-orphaned"
              claims={orphaned}
              cursorId={cursorId}
              onOpen={onOpen}
              drafts={drafts}
            />
          )}
          {(needsReview.length > 0 || orphaned.length > 0) && claims.length > 0 && (
            <h3 className="border-b border-rule bg-stone-50 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
              In the text ({claims.length})
            </h3>
          )}
          {/* No scroll anchor inside (overflow-anchor): the window keeps the row in view in place itself (the layout
              effect above), and the browser's own anchoring on top of it moved the list twice as far. */}
          <ol className="divide-y divide-rule [overflow-anchor:none]" data-testid="claim-list" ref={list}>
            {from > 0 && (
              <li ref={top} className="flex items-center justify-end p-3 text-xs text-muted">
                <WindowButton onClick={() => grow(showEarlier({ from, to }))}>Show earlier</WindowButton>
              </li>
            )}
            {claims.slice(from, to).map((claim, i) => (
              <ClaimRow
                key={claim.id}
                claim={claim}
                current={claim.id === cursorId}
                onOpen={onOpen}
                draft={drafts.has(claim.id)}
                page={claim.anchorStatus === "attached" ? (pageOf?.(claim.start) ?? null) : null}
                posInSet={partial ? from + i + 1 : undefined}
                setSize={partial ? claims.length : undefined}
              />
            ))}
            {(claims.length > to || from > 0 || loading > 0) && (
              <li ref={bottom} className="flex items-center justify-between gap-2 p-3 text-xs text-muted">
                <span aria-live="polite" data-testid="claim-list-count">
                  {shownRange({ from, to }, claims.length)}
                  {loading > 0 ? ` loaded · loading ${count(loading)} more…` : ""}
                </span>
                {claims.length > to && <WindowButton onClick={() => grow(showMore({ from, to }, claims.length))}>Show more</WindowButton>}
              </li>
            )}
          </ol>
        </div>
      )}
    </section>
  );
}, unchangedOrHidden);

/** The first claim row whose bottom is below the top of what its scrolling box (or the page) shows, and where it is. */
function firstRowInView(list: HTMLOListElement | null): { id: string; top: number } | null {
  const rows = list ? [...list.querySelectorAll<HTMLElement>("[data-claim-id]")] : [];
  if (rows.length === 0) return null;
  const box = scrollParent(rows[0]!);
  const edge = box ? box.getBoundingClientRect().top : 0;
  for (const row of rows) {
    const { top, bottom } = row.getBoundingClientRect();
    if (bottom > edge) return { id: row.dataset.claimId!, top };
  }
  return null;
}

const selectClass = `${inputClass} mt-0.5`;

/**
 * The claim list's filters (the rules: lib/claims/claim-filter.ts): status (Disputed among them), verdict, assignee and
 * tag as selects, overdue / needs re-anchoring as checkboxes (and disputed, only while a link set it, to clear it). The workspace keeps them in the page's URL.
 */
function ClaimFilters({
  filter,
  onFilter,
  members,
  tags,
  shown,
  total,
}: {
  filter: ClaimFilter;
  onFilter: (filter: ClaimFilter) => void;
  members: { id: string; name: string }[];
  tags: TagDTO[];
  shown: number;
  total: number;
}) {
  const ratingScale = useRatingScale();
  const active = activeClaimFilters(filter);
  const set = (change: Partial<ClaimFilter>) => onFilter({ ...filter, ...change });
  const several = filter.status.length > 1 ? filter.status.join(",") : null;
  // The URL may spell the tag in any case; the select shows the tag's own name.
  const tagValue = (filter.tag && tags.find((t) => tagKey(t.name) === tagKey(filter.tag ?? ""))?.name) ?? filter.tag ?? "";
  return (
    <div className="border-b border-rule p-3" role="group" aria-label="Filter claims">
      <div className="grid grid-cols-2 gap-2">
        <label className="text-xs text-muted">
          Status
          <select
            aria-label="Filter by status"
            className={selectClass}
            value={several ?? filter.status[0] ?? ""}
            onChange={(e) => set({ status: e.target.value ? (e.target.value.split(",") as StatusKey[]) : [] })}
          >
            <option value="">All statuses</option>
            {several && <option value={several}>{filter.status.length} statuses</option>}
            {STATUSES.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-muted">
          Verdict
          <select
            aria-label="Filter by verdict"
            className={selectClass}
            value={filter.verdict ?? ""}
            onChange={(e) => set({ verdict: e.target.value || null })}
          >
            <option value="">All verdicts</option>
            <option value="none">No verdict yet</option>
            {ratingScale.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-muted">
          Assigned to
          <select
            aria-label="Filter by assignee"
            className={selectClass}
            value={filter.assignee ?? ""}
            onChange={(e) => set({ assignee: e.target.value || null })}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {filter.assignee && filter.assignee !== "me" && !members.some((m) => m.id === filter.assignee) && (
              <option value={filter.assignee}>Someone else</option>
            )}
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-muted">
          Tag
          <select
            aria-label="Filter by tag"
            className={selectClass}
            value={tagValue}
            onChange={(e) => set({ tag: e.target.value || null })}
          >
            <option value="">Any tag</option>
            {filter.tag && tagValue === filter.tag && !tags.some((t) => t.name === filter.tag) && (
              <option value={filter.tag}>{filter.tag}</option>
            )}
            {tags.map((t) => (
              <option key={t.id} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink">
        {/* Disputed is a status, chosen in the status select; this box only shows to clear a link's `disputed=1`. */}
        {filter.disputed && (
          <label className="flex items-center gap-1">
            <input type="checkbox" checked onChange={() => set({ disputed: false })} /> Disputed
          </label>
        )}
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filter.overdue} onChange={(e) => set({ overdue: e.target.checked })} /> Overdue
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filter.reanchor} onChange={(e) => set({ reanchor: e.target.checked })} /> Needs re-anchoring
        </label>
        {active > 0 && (
          <span className="ml-auto flex items-center gap-2 text-muted">
            <span aria-live="polite">
              {shown} of {total}
            </span>
            <button type="button" className="underline hover:text-accent" onClick={() => onFilter(NO_CLAIM_FILTER)}>
              Clear filters
            </button>
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * What to do on an article without claims: the suggestions already underlined (how many, and how to open one with
 * the mouse or the keyboard), then adding a claim from a selection.
 */
function EmptyClaims({
  suggestionCount,
  onOpenSuggestion,
  canEdit,
}: {
  suggestionCount: number;
  onOpenSuggestion?: () => void;
  canEdit: boolean;
}) {
  return (
    <div className="space-y-2 p-4 text-sm text-muted" data-testid="claims-empty">
      <p>No claims yet.</p>
      {suggestionCount > 0 && (
        <>
          <p data-testid="claims-empty-suggestions">
            {suggestionCount === 1 ? "1 suggestion is" : `${count(suggestionCount)} suggestions are`} underlined with dots in the article.
            Click one or <kbd>Tab</kbd> to them to open it, or open the first from here; then{" "}
            {canEdit ? (
              <>
                <kbd>a</kbd> makes it a claim, <kbd>x</kbd> dismisses it and <kbd>Esc</kbd> closes it.
              </>
            ) : (
              <>
                <kbd>Esc</kbd> closes it.
              </>
            )}
          </p>
          {onOpenSuggestion && (
            <button type="button" onClick={onOpenSuggestion} className="font-medium text-accent underline-offset-2 hover:underline">
              Open the first suggestion
            </button>
          )}
        </>
      )}
      {canEdit ? (
        <p>
          {suggestionCount > 0 ? "Or select" : "Select"} a sentence in the article and choose <strong>Add claim</strong> (or press{" "}
          <kbd>a</kbd>).
        </p>
      ) : (
        <p data-testid="claims-empty-read-only">Your role here can read claims; an editor or reviewer adds them.</p>
      )}
    </div>
  );
}
