"use client";

import { useRef, type ReactNode } from "react";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { GROUP_PAGE, showEarlier, showMore, shownRange, type ClaimWindow } from "@/components/claims/claim-window";
import { useWindowFocus } from "@/components/claims/window-focus";
import { useCursorWindow } from "@/components/claims/use-cursor-window";
import { ClaimRow } from "@/components/claims/ClaimRow";
import { useSettledRows } from "@/components/claims/settled-rows";

type Props = {
  title: string;
  /** What the group's claims are, for its buttons' names ("Show more orphaned claims"). */
  noun: string;
  tone: "amber" | "stone";
  testId: string;
  claims: readonly ClaimSummary[];
  cursorId: string | null;
  onOpen: (id: string) => void;
  drafts: ReadonlySet<string>;
};

/** A claim list's "Show earlier" / "Show more" button (the main list's and each detached group's). */
export function WindowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="shrink-0 whitespace-nowrap rounded border border-rule px-2 py-1 text-ink hover:bg-stone-50"
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * Claims whose words are not (or no longer) in the text: listed with their old quote, still openable. An edit can
 * detach hundreds, so the group renders a window of GROUP_PAGE rows a page (at most three pages), around the cursor
 * when it is on one of them, with buttons for the pages before and after.
 */
export function ClaimGroup({ title, noun, tone, testId, claims, cursorId, onOpen, drafts }: Props) {
  const { from, to, keep } = useCursorWindow(claims, cursorId, GROUP_PAGE);
  const partial = from > 0 || to < claims.length;
  const list = useRef<HTMLOListElement>(null);
  const earlier = useRef<HTMLLIElement>(null);
  const later = useRef<HTMLLIElement>(null);
  useSettledRows(list, from, to, claims.length);
  const beforeGrow = useWindowFocus(list, claims);
  const grow = (next: ClaimWindow) => {
    beforeGrow({ from, to }, next, earlier.current, later.current);
    keep(next);
  };
  const head = tone === "amber" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-rule bg-stone-100 text-stone-700";
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className={`border-b px-3 py-1.5 text-xs font-semibold uppercase tracking-wide ${head}`}>{title}</h3>
      <ol className="divide-y divide-rule border-b border-rule" ref={list}>
        {from > 0 && (
          <li ref={earlier} className="flex items-center justify-end p-3 text-xs text-muted">
            <WindowButton onClick={() => grow(showEarlier({ from, to }, GROUP_PAGE))}>
              Show earlier<span className="sr-only"> {noun}</span>
            </WindowButton>
          </li>
        )}
        {claims.slice(from, to).map((claim, i) => (
          <ClaimRow
            key={claim.id}
            claim={claim}
            current={claim.id === cursorId}
            onOpen={onOpen}
            detached
            draft={drafts.has(claim.id)}
            posInSet={partial ? from + i + 1 : undefined}
            setSize={partial ? claims.length : undefined}
          />
        ))}
        {partial && (
          <li ref={later} className="flex items-center justify-between gap-2 p-3 text-xs text-muted">
            <span data-testid={`${testId}-count`}>{shownRange({ from, to }, claims.length)}</span>
            {to < claims.length && (
              <WindowButton onClick={() => grow(showMore({ from, to }, claims.length, GROUP_PAGE))}>
                Show more<span className="sr-only"> {noun}</span>
              </WindowButton>
            )}
          </li>
        )}
      </ol>
    </section>
  );
}
