"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { truncateText } from "@/lib/text/graphemes";
import { isComposing } from "@/components/ui/typing";

type Props = { claims: ClaimSummary[]; at: { x: number; y: number }; onPick: (id: string) => void; onClose: () => void };

/**
 * Where highlights overlap, a click (or Enter on the highlight) offers the claims there to choose from. Escape closes
 * the menu alone (never the claim open behind it) and puts focus back where it was when the menu opened (keys33).
 */
export function OverlapMenu({ claims, at, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // What had focus when the menu opened (the highlight pressed with Enter): it takes focus back on Escape.
  const opener = useRef<HTMLElement | null>(null);
  // Below the words when it fits, above them otherwise: never off screen (it is fixed, so the page cannot scroll to it).
  const [top, setTop] = useState(at.y + 12);
  useLayoutEffect(() => {
    const height = ref.current?.offsetHeight ?? 0;
    const below = at.y + 12;
    setTop(below + height <= window.innerHeight - 8 ? below : Math.max(8, at.y - 28 - height));
  }, [at.y]);
  // Once, as it opens: a re-render of the page (a colleague's change) must not pull focus back to the first claim.
  useEffect(() => {
    if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    ref.current?.querySelector("button")?.focus();
  }, []);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [onClose]);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label="Claims at this spot"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !isComposing(e.nativeEvent)) {
          // This layer's Escape: the page's shortcuts leave a handled key alone.
          e.preventDefault();
          e.stopPropagation();
          opener.current?.focus({ preventScroll: true });
          return onClose();
        }
        // Menu pattern: arrow keys move between the claims, wrapping round.
        const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const items = Array.from(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
        const index = items.indexOf(document.activeElement as HTMLElement);
        items[(index + step + items.length) % items.length]?.focus();
      }}
      className="fixed z-30 w-80 rounded-md border border-rule bg-white p-1 shadow-lg"
      style={{ left: Math.max(8, Math.min(at.x, window.innerWidth - 330)), top }}
    >
      <p className="px-2 py-1 text-xs text-muted">{claims.length} claims overlap here</p>
      {claims.map((claim) => (
        <button
          key={claim.id}
          type="button"
          role="menuitem"
          onClick={() => onPick(claim.id)}
          className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-stone-100 focus:bg-stone-100"
        >
          <span className="font-serif" dir="auto">
            “{truncateText(claim.exact, 90)}”
          </span>
          <span className="block text-xs text-muted">
            {claim.statusLabel}
            {claim.verdict ? ` · ${claim.verdict.label}` : ""}
          </span>
        </button>
      ))}
    </div>
  );
}
